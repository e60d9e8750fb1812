/**
 * The gateway. {@code routing} sends {@code /api/**} to the services and answers for a service that is
 * down; {@code problems} turns every error into RFC 9457 problem details. The web app is served from
 * {@code static/}.
 */
package org.mhconnect.gateway;

/**
 * What every request meets at the edge: rate limits, a body-size limit, security headers, token checks for
 * the gateway's own endpoints, CSRF protection for cookie-authenticated changes, and the token relay that
 * turns the browser's cookie into a bearer token for the services.
 */
package org.mhconnect.gateway.edge;

/**
 * Every MVC service checks the gateway's access tokens itself, through this one configuration: ES256 only,
 * {@code typ} {@code at+jwt}, the configured issuer and audience, and expiry. No identity header is trusted.
 */
package org.mhconnect.resourceserver;

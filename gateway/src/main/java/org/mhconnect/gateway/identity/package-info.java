/**
 * Identity lives in the gateway, with its own MongoDB database ({@code identity}): accounts with Argon2id
 * password hashes, ES256 access tokens with a {@code kid} and a JWKS for the services, and refresh sessions
 * whose tokens rotate on every use and are stored only as hashes.
 */
package org.mhconnect.gateway.identity;

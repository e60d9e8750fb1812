package org.mhconnect.gateway.identity.web;

/** The answer to a sign-in or refresh; the refresh token itself travels only in its HttpOnly cookie or body. */
record SignedIn(String accessToken, String tokenType, long expiresIn, String refreshToken, UserView user) {
}

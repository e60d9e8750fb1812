/**
 * The web app's files under {@code static/}: plain ES modules, served with strong ETags so a browser revalidates
 * cheaply instead of downloading them again, and compressed by the server ({@code server.compression}).
 */
package org.mhconnect.gateway.webapp;

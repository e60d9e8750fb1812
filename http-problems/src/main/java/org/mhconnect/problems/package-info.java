/**
 * RFC 9457 problem details for the Spring MVC services, so every service answers bad input the same way.
 */
package org.mhconnect.problems;

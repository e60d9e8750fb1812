package org.mhconnect.gateway;

import org.mhconnect.testsupport.ServiceArchitecture;

/** The boundaries of the gateway, as every service keeps them ({@link ServiceArchitecture}). All kept in full. */
class ArchitectureTest extends ServiceArchitecture {

    ArchitectureTest() {
        super("org.mhconnect.gateway", false);
    }
}

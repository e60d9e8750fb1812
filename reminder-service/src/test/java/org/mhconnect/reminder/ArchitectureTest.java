package org.mhconnect.reminder;

import org.mhconnect.testsupport.ServiceArchitecture;

/** The boundaries of reminder-service, as every service keeps them ({@link ServiceArchitecture}). Reaching into another feature's documents is still frozen (see {@link ServiceArchitecture}). */
class ArchitectureTest extends ServiceArchitecture {

    ArchitectureTest() {
        super("org.mhconnect.reminder", true);
    }
}

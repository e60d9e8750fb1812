package org.mhconnect.journal;

import org.mhconnect.testsupport.ServiceArchitecture;

/** The boundaries of journal-service, as every service keeps them ({@link ServiceArchitecture}). All kept in full. */
class ArchitectureTest extends ServiceArchitecture {

    ArchitectureTest() {
        super("org.mhconnect.journal", false);
    }
}

/**
 * The one place integration tests get Kafka and MongoDB from. See {@link org.mhconnect.testsupport.TestInfrastructure}.
 */
package org.mhconnect.testsupport;

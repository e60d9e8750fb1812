package org.mhconnect.devstack;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend, answering {@code hello} as MongoDB 4.4 and later do. The server knows only the
 * older {@code isMaster}, and Spring Boot's MongoDB health check asks {@code hello}: without this, every service's
 * {@code /actuator/health} read DOWN under {@code ./run.sh} and each check logged a stack trace.
 */
final class HelloAnsweringH2Backend extends H2Backend {

    HelloAnsweringH2Backend(String fileName) {
        super(fileName);
    }

    HelloAnsweringH2Backend(MVStore store) {
        super(store);
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        if ("hello".equalsIgnoreCase(command)) {
            Document answer = super.handleCommand(channel, databaseName, "isMaster", query);
            answer.put("isWritablePrimary", Boolean.TRUE);
            return answer;
        }
        return super.handleCommand(channel, databaseName, command, query);
    }
}

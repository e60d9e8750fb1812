package org.mhconnect.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import com.mongodb.MongoSocketReadTimeoutException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;
import org.junit.jupiter.api.Test;

/** Which failures mean MongoDB is away, so that a request answers 503 with Retry-After instead of 500. */
class OutagesTest {

    @Test
    void noServerWithinTheSelectionTimeoutMeansTheDatabaseIsAway() {
        assertThat(Outages.storageAway(new MongoTimeoutException("Timed out after 3000 ms"))).isTrue();
    }

    @Test
    void aReplyThatNeverCameMeansTheDatabaseIsAway() {
        MongoSocketReadTimeoutException noReply = new MongoSocketReadTimeoutException("Timeout while receiving message",
                new ServerAddress("127.0.0.1", 27017), new IOException("read timed out"));
        assertThat(Outages.storageAway(new IllegalStateException("wrapped", noReply))).isTrue();
    }

    @Test
    void ordinaryFailuresAreNotOutages() {
        assertThat(Outages.storageAway(new IllegalStateException("a bug"))).isFalse();
        assertThat(Outages.storageAway(new IllegalArgumentException("bad input", new NullPointerException()))).isFalse();
    }
}

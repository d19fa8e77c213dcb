package trellis.engine.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** One message per kind of failure, exactly as a person reads it. */
class ErrorWordsTest {
    static final URI BASE = URI.create("https://cp.example:3000");

    @Test
    void aBusyDatabaseSaysWhoIsBusyAndWhatToDo() {
        assertThat(ErrorWords.answer("POST", "/v1/databases/storefront", 409, "operation_already_in_progress",
                "an operation is already in progress for the given entity"))
                .isEqualTo("database 'storefront' is busy with another task; try again when it ends");
        assertThat(ErrorWords.answer("DELETE", "/v1/databases/storefront", 409, "database_not_modifiable", "x"))
                .isEqualTo("database 'storefront' is busy with another task; try again when it ends");
    }

    @Test
    void anotherConflictKeepsTheServersWords() {
        assertThat(ErrorWords.answer("POST", "/v1/databases", 409, "database_already_exists", "a database already exists with the given ID"))
                .isEqualTo("the Control Plane answered HTTP 409 (database_already_exists): a database already exists with the given ID");
    }

    @Test
    void aMissingThingIsGoneByName() {
        assertThat(ErrorWords.answer("GET", "/v1/databases/storefront", 404, "not_found", "database not found"))
                .isEqualTo("database 'storefront' is gone: the Control Plane does not know it (deleted, or never created)");
        assertThat(ErrorWords.answer("GET", "/v1/databases/storefront/tasks/t-1/log?after_entry_id=e", 404, "not_found", "x"))
                .isEqualTo("task 't-1' of database 'storefront' is gone: the Control Plane does not know it (deleted, or never created)");
        assertThat(ErrorWords.answer("GET", "/v1/hosts/host%201", 404, "not_found", "x"))
                .isEqualTo("host 'host 1' is gone: the Control Plane does not know it (deleted, or never created)");
        assertThat(ErrorWords.answer("GET", "/v1/nothing", 404, "not_found", "no route"))
                .isEqualTo("the Control Plane does not know GET /v1/nothing (HTTP 404): no route");
    }

    @Test
    void anInvalidRequestCarriesTheServersWords() {
        assertThat(ErrorWords.answer("POST", "/v1/databases/storefront", 400, "invalid_input", "services[0].port: port 80 is in use on host-1"))
                .isEqualTo("the Control Plane refused the request as invalid: services[0].port: port 80 is in use on host-1");
        assertThat(ErrorWords.answer("POST", "/v1/databases", 400, "invalid_input", ""))
                .isEqualTo("the Control Plane refused the request as invalid: no reason given");
    }

    @Test
    void credentialsAndServerFailures() {
        assertThat(ErrorWords.answer("GET", "/v1/databases", 401, "unauthorized", "a bearer token is required"))
                .isEqualTo("the server refused the credentials (HTTP 401): a bearer token is required");
        assertThat(ErrorWords.answer("GET", "/v1/databases", 500, "server_error", "etcd is down"))
                .isEqualTo("the Control Plane failed (HTTP 500, server_error): etcd is down");
    }

    @Test
    void connectionFailuresByKind() {
        assertThat(ErrorWords.failure(BASE, Duration.ofSeconds(5), wrap(new ConnectException(), new ConnectException("Connection refused"))))
                .isEqualTo("cannot reach https://cp.example:3000: nothing answers there (connection refused); is the Control Plane running, and is the URL right?");
        assertThat(ErrorWords.failure(BASE, Duration.ofSeconds(5), new HttpConnectTimeoutException("HTTP connect timed out")))
                .isEqualTo("https://cp.example:3000 did not answer within 5 s (timeout): the server or the network is slow or down");
        assertThat(ErrorWords.failure(BASE, Duration.ofMillis(300), new HttpTimeoutException("request timed out")))
                .isEqualTo("https://cp.example:3000 did not answer within 300 ms (timeout): the server or the network is slow or down");
        assertThat(ErrorWords.failure(BASE, Duration.ofSeconds(5), new IOException("HTTP/1.1 header parser received no bytes")))
                .isEqualTo("https://cp.example:3000 closed the connection before answering (connection reset): the server, or something between, dropped it");
        assertThat(ErrorWords.failure(BASE, Duration.ofSeconds(5), wrap(new ConnectException(), new UnresolvedAddressException())))
                .isEqualTo("cannot reach https://cp.example:3000: no host is named 'cp.example' (unknown host); check the URL");
        assertThat(ErrorWords.failure(BASE, Duration.ofSeconds(5), new javax.net.ssl.SSLException("Unsupported or unrecognized SSL message")))
                .isEqualTo("https://cp.example:3000 does not answer TLS; if it serves plain HTTP, use http://cp.example:3000");
        assertThat(ErrorWords.failure(BASE, Duration.ofSeconds(5), new javax.net.ssl.SSLHandshakeException("Received fatal alert: certificate_expired")))
                .isEqualTo("https://cp.example:3000 refused your client certificate: it has expired (expired certificate); use a current one");
        assertThat(ErrorWords.kind(new ConnectException()).retriable()).isTrue();
        assertThat(ErrorWords.kind(new HttpTimeoutException("t")).retriable()).as("a timeout is not sent again on top of the stalled request").isFalse();
        assertThat(ErrorWords.kind(new IOException("Connection reset")).retriable()).isTrue();
        assertThat(ErrorWords.kind(new javax.net.ssl.SSLHandshakeException("x")).retriable()).isFalse();
    }

    private static IOException wrap(IOException outer, Throwable cause) {
        outer.initCause(cause);
        return outer;
    }
}

package trellis.engine.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * A TLS server that needs a client certificate and, like the Control Plane's Go server, sends the
 * alert that says why it refuses one. Accepted, it answers every request {@code {"databases": []}}.
 */
final class AlertingTlsServer implements AutoCloseable {
    private final SSLServerSocket socket;
    private final Thread loop;

    AlertingTlsServer(SSLContext context) throws IOException {
        socket = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        socket.setNeedClientAuth(true);
        loop = new Thread(this::serve, "alerting-tls-server");
        loop.setDaemon(true);
        loop.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket s = socket.accept()) {
                s.setSoTimeout(5000);
                try {
                    ((SSLSocket) s).startHandshake();
                    readHead(s.getInputStream());
                    byte[] body = "{\"databases\":[]}".getBytes(StandardCharsets.UTF_8);
                    s.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                            + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    s.getOutputStream().write(body);
                    s.getOutputStream().flush();
                } catch (IOException refusedOrDropped) {
                    // the alert has gone out; the next connection
                }
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            head.write(c);
            if (head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
                return;
            }
        }
    }

    @Override
    public void close() throws Exception {
        socket.close();
        loop.join(5000);
    }
}

package trellis.engine.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP door on 127.0.0.1 to a local server (the test registry) that passes the server's answers
 * on at about {@code bytesPerSecond}, so a pull through it lasts long enough to be canceled or cut.
 */
final class SlowProxy implements AutoCloseable {
    static final int CHUNK = 8 * 1024;

    private final ServerSocketChannel server;
    private final InetSocketAddress target;
    private final long pauseMillis;
    private final List<SocketChannel> open = new CopyOnWriteArrayList<>();

    SlowProxy(int targetPort, int bytesPerSecond) throws IOException {
        target = new InetSocketAddress("127.0.0.1", targetPort);
        pauseMillis = Math.max(1, 1000L * CHUNK / bytesPerSecond);
        server = ServerSocketChannel.open();
        server.bind(new InetSocketAddress("127.0.0.1", 0));
        Thread t = new Thread(this::accept, "slow-proxy-accept");
        t.setDaemon(true);
        t.start();
    }

    /** host:port of the door. */
    String address() throws IOException {
        return "127.0.0.1:" + ((InetSocketAddress) server.getLocalAddress()).getPort();
    }

    private void accept() {
        while (server.isOpen()) {
            try {
                SocketChannel client = server.accept();
                SocketChannel upstream = SocketChannel.open(target);
                open.add(client);
                open.add(upstream);
                pump(client, upstream, 0);
                pump(upstream, client, pauseMillis);
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void pump(SocketChannel from, SocketChannel to, long pauseMillis) {
        Thread t = new Thread(() -> {
            ByteBuffer buf = ByteBuffer.allocate(CHUNK);
            try {
                while (from.read(buf) >= 0) {
                    buf.flip();
                    while (buf.hasRemaining()) {
                        to.write(buf);
                    }
                    buf.clear();
                    if (pauseMillis > 0) {
                        Thread.sleep(pauseMillis);
                    }
                }
            } catch (IOException | InterruptedException cut) {
                // one side went away
            }
            try {
                from.close();
                to.close();
            } catch (IOException ignored) {
                // already closed
            }
        }, "slow-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (SocketChannel c : open) {
            c.close();
        }
    }
}

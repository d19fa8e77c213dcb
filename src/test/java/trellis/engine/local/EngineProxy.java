package trellis.engine.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP door on 127.0.0.1 to a real Docker engine (its unix socket or tcp address) that a test can
 * close and open again on the same port: the engine behind it stops answering as an unplugged host
 * would, every open connection (the events stream too) cut at once.
 */
final class EngineProxy implements AutoCloseable {
    private final SocketAddress target;
    private final int port;
    private final List<SocketChannel> open = new CopyOnWriteArrayList<>();
    private volatile ServerSocketChannel server;

    EngineProxy(String dockerHost) throws IOException {
        URI uri = URI.create(dockerHost);
        target = "unix".equals(uri.getScheme()) ? UnixDomainSocketAddress.of(Path.of(uri.getPath()))
                : new InetSocketAddress(uri.getHost(), uri.getPort());
        ServerSocketChannel s = ServerSocketChannel.open();
        s.bind(new InetSocketAddress("127.0.0.1", 0));
        port = ((InetSocketAddress) s.getLocalAddress()).getPort();
        serve(s);
    }

    /** The endpoint to bind a host to: {@code tcp://127.0.0.1:<port>}. */
    String endpoint() {
        return "tcp://127.0.0.1:" + port;
    }

    /** Unplugs: refuses new connections and cuts the open ones. */
    synchronized void cut() throws IOException {
        server.close();
        for (SocketChannel c : open) {
            c.close();
        }
        open.clear();
    }

    /** Plugs back in on the same port. */
    synchronized void restore() throws IOException {
        ServerSocketChannel s = ServerSocketChannel.open();
        s.setOption(java.net.StandardSocketOptions.SO_REUSEADDR, true);
        s.bind(new InetSocketAddress("127.0.0.1", port));
        serve(s);
    }

    private void serve(ServerSocketChannel s) {
        server = s;
        Thread t = new Thread(() -> {
            while (s.isOpen()) {
                try {
                    SocketChannel client = s.accept();
                    SocketChannel upstream = target instanceof UnixDomainSocketAddress
                            ? SocketChannel.open(StandardProtocolFamily.UNIX) : SocketChannel.open();
                    upstream.connect(target);
                    open.add(client);
                    open.add(upstream);
                    pump(client, upstream);
                    pump(upstream, client);
                } catch (IOException closed) {
                    return;
                }
            }
        }, "engine-proxy-accept");
        t.setDaemon(true);
        t.start();
    }

    private static void pump(SocketChannel from, SocketChannel to) {
        Thread t = new Thread(() -> {
            ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
            try {
                while (from.read(buf) >= 0) {
                    buf.flip();
                    while (buf.hasRemaining()) {
                        to.write(buf);
                    }
                    buf.clear();
                }
            } catch (IOException cut) {
                // one side went away
            }
            try {
                from.close();
                to.close();
            } catch (IOException ignored) {
                // already closed
            }
        }, "engine-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() throws IOException {
        cut();
    }
}

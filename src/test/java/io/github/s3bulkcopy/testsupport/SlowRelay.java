package io.github.s3bulkcopy.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;

/**
 * A TCP relay on 127.0.0.1 that holds every chunk a client sends for a while before
 * passing it on, so a run against a fast local server lasts long enough to be watched.
 * Bytes pass unchanged both ways (signatures stay valid).
 */
public final class SlowRelay implements AutoCloseable {

	private final ServerSocket server;

	private final InetSocketAddress target;

	private final Duration delay;

	private volatile boolean closed;

	private SlowRelay(ServerSocket server, InetSocketAddress target, Duration delay) {
		this.server = server;
		this.target = target;
		this.delay = delay;
	}

	/** Starts a relay to the host and port of {@code endpoint}. */
	public static SlowRelay start(URI endpoint, Duration delay) throws IOException {
		ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		SlowRelay relay = new SlowRelay(server, new InetSocketAddress(endpoint.getHost(), endpoint.getPort()), delay);
		Thread acceptor = new Thread(relay::accept, "slow-relay");
		acceptor.setDaemon(true);
		acceptor.start();
		return relay;
	}

	/** The relay's endpoint, to use instead of the server's. */
	public URI endpoint() {
		return URI.create("http://127.0.0.1:" + this.server.getLocalPort());
	}

	private void accept() {
		while (!this.closed) {
			try {
				Socket client = this.server.accept();
				Socket upstream = new Socket(this.target.getAddress(), this.target.getPort());
				pump(client, upstream, true);
				pump(upstream, client, false);
			}
			catch (IOException ex) {
				// closed, or the server went away: the client sees its connection fail
			}
		}
	}

	private void pump(Socket from, Socket to, boolean slow) {
		Thread thread = new Thread(() -> {
			byte[] buffer = new byte[64 * 1024];
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				for (int read = in.read(buffer); read >= 0 && !this.closed; read = in.read(buffer)) {
					if (slow) {
						Thread.sleep(this.delay.toMillis());
					}
					out.write(buffer, 0, read);
					out.flush();
				}
			}
			catch (IOException | InterruptedException ex) {
				// one side closed: close the other below
			}
			finally {
				closeQuietly(from);
				closeQuietly(to);
			}
		}, "slow-relay-pump");
		thread.setDaemon(true);
		thread.start();
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// already closed
		}
	}

	@Override
	public void close() throws IOException {
		this.closed = true;
		this.server.close();
	}

}

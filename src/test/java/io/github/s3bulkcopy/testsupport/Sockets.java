package io.github.s3bulkcopy.testsupport;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.util.Collections;
import java.util.Optional;

/** Checks on where a local server listens. */
public final class Sockets {

	private Sockets() {
	}

	/** An IPv4 address of this machine that is not loopback, if it has one. */
	public static Optional<InetAddress> nonLoopbackAddress() {
		try {
			for (NetworkInterface networkInterface : Collections.list(NetworkInterface.getNetworkInterfaces())) {
				if (!networkInterface.isUp() || networkInterface.isLoopback()) {
					continue;
				}
				for (InetAddress address : Collections.list(networkInterface.getInetAddresses())) {
					if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
						return Optional.of(address);
					}
				}
			}
		}
		catch (SocketException ex) {
			// no interfaces to look at
		}
		return Optional.empty();
	}

	/** Whether a TCP connection to the address and port succeeds within a second. */
	public static boolean accepts(InetAddress address, int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(address, port), 1000);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/** The status of an anonymous {@code GET} of the URI. */
	public static int anonymousGetStatus(URI uri) throws IOException {
		HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
		try {
			connection.setConnectTimeout(2000);
			connection.setReadTimeout(5000);
			return connection.getResponseCode();
		}
		finally {
			connection.disconnect();
		}
	}

}

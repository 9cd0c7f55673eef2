package io.github.s3bulkcopy.clients;

import javax.xml.stream.XMLInputFactory;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AWS SDK parses every S3 response through {@code XMLInputFactory.newInstance()}:
 * with Woodstox on the class path that is Woodstox's parser, which halved the share of
 * XML parsing in the copy's profile (docs/performance.md). Removing the dependency would
 * still work, only slower; this says so.
 */
class XmlParserTests {

	@Test
	void theSdkFindsWoodstoxAsItsStaxParser() {
		assertThat(XMLInputFactory.newInstance().getClass().getName()).startsWith("com.ctc.wstx.");
	}

}

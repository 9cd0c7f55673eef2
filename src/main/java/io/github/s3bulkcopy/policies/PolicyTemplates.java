package io.github.s3bulkcopy.policies;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Reads the templates of {@code config/iam} (packaged as {@code iam/} on the class path),
 * fills in their {@code ${name}} placeholders and drops the statements a job does not
 * need.
 */
final class PolicyTemplates {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private PolicyTemplates() {
	}

	/**
	 * The template filled in.
	 * @param name the file name in config/iam
	 * @param values placeholder values; a value that is a list becomes a JSON array (one
	 * principal stays a string)
	 * @param drop the Sids of statements to remove
	 */
	static JsonNode fill(String name, Map<String, ?> values, Set<String> drop) {
		JsonNode template = read(name);
		JsonNode filled = substitute(template, values);
		if (filled instanceof ObjectNode object && object.get("Statement") instanceof ArrayNode statements) {
			Iterator<JsonNode> iterator = statements.iterator();
			while (iterator.hasNext()) {
				JsonNode statement = iterator.next();
				if (statement.has("Sid") && drop.contains(statement.get("Sid").asString())) {
					iterator.remove();
				}
			}
		}
		return filled;
	}

	private static JsonNode read(String name) {
		try (InputStream in = PolicyTemplates.class.getResourceAsStream("/iam/" + name)) {
			if (in == null) {
				throw new IllegalStateException("the policy template iam/" + name + " is not on the class path");
			}
			return MAPPER.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static JsonNode substitute(JsonNode node, Map<String, ?> values) {
		if (node.isString()) {
			String text = node.asString();
			for (Map.Entry<String, ?> value : values.entrySet()) {
				String placeholder = "${" + value.getKey() + "}";
				if (text.equals(placeholder) && value.getValue() instanceof List<?> list) {
					if (list.size() == 1) {
						return StringNode.valueOf(String.valueOf(list.get(0)));
					}
					ArrayNode array = MAPPER.createArrayNode();
					list.forEach((item) -> array.add(String.valueOf(item)));
					return array;
				}
				if (!(value.getValue() instanceof List<?>)) {
					text = text.replace(placeholder, String.valueOf(value.getValue()));
				}
			}
			return StringNode.valueOf(text);
		}
		if (node instanceof ObjectNode object) {
			ObjectNode copy = MAPPER.createObjectNode();
			object.properties().forEach((entry) -> copy.set(entry.getKey(), substitute(entry.getValue(), values)));
			return copy;
		}
		if (node instanceof ArrayNode array) {
			ArrayNode copy = MAPPER.createArrayNode();
			array.forEach((item) -> copy.add(substitute(item, values)));
			return copy;
		}
		return node;
	}

	/** The document as indented JSON. */
	static String pretty(JsonNode document) {
		return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(document);
	}

}

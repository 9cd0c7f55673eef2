package io.github.s3bulkcopy.policies;

import tools.jackson.databind.JsonNode;

/**
 * One policy to paste somewhere.
 *
 * @param title what it is, e.g. "Trust policy of role writer"
 * @param where where it goes, e.g. "IAM > Roles > writer > Trust relationships (account
 * 333333333333)"
 * @param document the JSON document (or, for a key policy, the statement to add)
 */
public record PolicyDocument(String title, String where, JsonNode document) {

}

package io.sparkube.jobruns.validation;

import io.sparkube.jobruns.error.ApiException;
import java.util.regex.Pattern;

/**
 * The string shapes of the emr-containers model, with their lengths and patterns. SDKs check only
 * minimum lengths, so the server checks the rest; messages read as AWS's do. Values of sensitive
 * shapes are never quoted back.
 */
public enum Shape {
  RESOURCE_ID(1, 64, "[0-9a-z]+", false),
  RESOURCE_NAME(1, 64, "[.\\-_/#A-Za-z0-9]+", false),
  CLIENT_TOKEN(1, 64, ".*\\S.*", false),
  IAM_ROLE_ARN(20, 2048,
      "arn:(aws[a-zA-Z0-9-]*):iam::(\\d{12})?:(role((\\u002F)|(\\u002F[\\u0021-\\u007F]+\\u002F))[\\w+=,.@-]+)",
      false),
  RELEASE_LABEL(1, 64, "[.\\-_/A-Za-z0-9]+", false),
  ENTRY_POINT(1, 256, ".*\\S.*", true),
  ENTRY_POINT_ARGUMENT(1, 10280, ".*\\S.*", true),
  SPARK_SUBMIT_PARAMETERS(1, 102400, ".*\\S.*", true),
  STRING_256(1, 256, null, false),
  STRING_1024(1, 1024, null, false),
  /** Configuration properties are sensitive in the model: they may hold credentials. */
  PROPERTY_VALUE(1, 1024, null, true),
  CLUSTER_ID(1, 100, "[0-9A-Za-z][A-Za-z0-9\\-_]*", false),
  NAMESPACE(1, 63, "[a-z0-9]([-a-z0-9]*[a-z0-9])?", false),
  TAG_KEY(1, 128, null, false),
  TAG_VALUE(0, 256, null, false),
  LOG_GROUP_NAME(1, 512, "[.\\-_/#A-Za-z0-9]+", false),
  URI(1, 10280, "[\\u0020-\\uD7FF\\uE000-\\uFFFD\\uD800\\uDBFF-\\uDC00\\uDFFF\\r\\n\\t]*", false),
  ROTATION_SIZE(3, 12, "\\d+(\\.\\d+)?[KMG][Bb]?", false),
  KMS_KEY_ARN(3, 2048, null, false),
  NEXT_TOKEN(1, 1024, ".*\\S.*", false);

  private final int min;
  private final int max;
  private final Pattern pattern;
  private final boolean sensitive;

  Shape(int min, int max, String pattern, boolean sensitive) {
    this.min = min;
    this.max = max;
    this.pattern = pattern == null ? null : Pattern.compile(pattern, Pattern.DOTALL);
    this.sensitive = sensitive;
  }

  /** {@code value}, which must be set and fit the shape. */
  public String required(String value, String member) {
    if (value == null) {
      throw ApiException.validation(violation("Value null", member, "Member must not be null"));
    }
    return optional(value, member);
  }

  /** {@code value}, which may be null and otherwise must fit the shape. */
  public String optional(String value, String member) {
    if (value == null) {
      return null;
    }
    var length = value.codePointCount(0, value.length());
    if (length < min) {
      throw invalid(value, member, "Member must have length greater than or equal to " + min);
    }
    if (length > max) {
      throw invalid(value, member, "Member must have length less than or equal to " + max);
    }
    if (pattern != null && !pattern.matcher(value).matches()) {
      throw invalid(value, member, "Member must satisfy regular expression pattern: " + pattern.pattern());
    }
    return value;
  }

  private ApiException invalid(String value, String member, String constraint) {
    var shown = sensitive ? "Value" : "Value '" + shorten(value) + "'";
    return ApiException.validation(violation(shown, member, constraint));
  }

  static String violation(String value, String member, String constraint) {
    return "1 validation error detected: " + value + " at '" + member + "' failed to satisfy constraint: "
        + constraint;
  }

  private static String shorten(String value) {
    var printable = value.replaceAll("\\p{Cntrl}", "?");
    return printable.length() <= 100 ? printable : printable.substring(0, 97) + "...";
  }
}

package io.sparkube.local.node;

import java.util.Map;

/**
 * Kubernetes' {@code $(VAR)} expansion for env values, command and args: a reference to a defined
 * variable is replaced, an undefined one is left as written, and {@code $$} yields a literal
 * {@code $} (so {@code $$(VAR)} stays {@code $(VAR)}).
 */
final class VarExpansion {
  private VarExpansion() {}

  static String expand(String input, Map<String, String> vars) {
    var out = new StringBuilder(input.length());
    int i = 0;
    while (i < input.length()) {
      char c = input.charAt(i);
      if (c != '$' || i + 1 >= input.length()) {
        out.append(c);
        i++;
      } else if (input.charAt(i + 1) == '$') {
        out.append('$');
        i += 2;
      } else if (input.charAt(i + 1) == '(') {
        int close = input.indexOf(')', i + 2);
        if (close < 0) {
          out.append(input, i, input.length());
          break;
        }
        var name = input.substring(i + 2, close);
        var value = vars.get(name);
        out.append(value != null ? value : input.substring(i, close + 1));
        i = close + 1;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }
}

package gdkit.plot;

/**
 * Plain text for chart titles, axis titles and legends: TeX-like indices written in a label
 * ({@code h_{t-1}}, {@code λ_max}, {@code ρ^t}) become Unicode sub- and superscripts
 * ({@code hₜ₋₁}, {@code λₘₐₓ}, {@code ρᵗ}); an index with a character that has no Unicode form is
 * written in brackets ({@code h_{T-k}} becomes {@code h[T−k]}, {@code x^{q}} becomes {@code x^(q)}),
 * and a bare one such as {@code snake_case} stays as it is.
 */
final class Text {
    private static final String SUB_FROM = "0123456789+-−=()aehijklmnoprstuvxβγρφχ";
    private static final String SUB_TO = "₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓᵦᵧᵨᵩᵪ";
    private static final String SUP_FROM = "0123456789+-−=()abcdefghijklmnoprstuvwxyzABDEGHIJKLMNOPRTUVWβγδθφχ*";
    private static final String SUP_TO = "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻᴬᴮᴰᴱᴳᴴᴵᴶᴷᴸᴹᴺᴼᴾᴿᵀᵁⱽᵂᵝᵞᵟᶿᵠᵡ*";

    private Text() {
    }

    /** The label with {@code _x}, {@code _{..}}, {@code ^x} and {@code ^{..}} written as plain text. */
    static String plain(String s) {
        if (s == null || (s.indexOf('_') < 0 && s.indexOf('^') < 0)) {
            return s;
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            boolean sub = c == '_';
            if ((sub || c == '^') && i > 0 && i + 1 < s.length() && s.charAt(i + 1) != ' ') {
                String index;
                int end;
                if (s.charAt(i + 1) == '{') {
                    end = s.indexOf('}', i + 2);
                    if (end < 0) {
                        out.append(c);
                        i++;
                        continue;
                    }
                    index = s.substring(i + 2, end);
                    end++;
                } else {
                    end = i + 2;
                    // a bare index runs over letters for subscripts (λ_max), one character for powers (ρ^t, 2^-24)
                    if (sub) {
                        while (end < s.length() && Character.isLetterOrDigit(s.charAt(end))) {
                            end++;
                        }
                    } else if (s.charAt(i + 1) == '-' || s.charAt(i + 1) == '−') {
                        while (end < s.length() && Character.isDigit(s.charAt(end))) {
                            end++;
                        }
                    }
                    index = s.substring(i + 1, end);
                }
                String mapped = map(index, sub ? SUB_FROM : SUP_FROM, sub ? SUB_TO : SUP_TO);
                boolean braced = s.charAt(i + 1) == '{';
                if (mapped != null) {
                    out.append(mapped);
                } else if (!braced) {
                    out.append(c).append(index);        // an identifier such as snake_case stays as it is
                } else {
                    out.append(sub ? "[" : "^(").append(index.replace('-', '−')).append(sub ? "]" : ")");
                }
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static String map(String s, String from, String to) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            int k = from.indexOf(s.charAt(i));
            if (k < 0) {
                return null;
            }
            b.append(to.charAt(k));
        }
        return b.toString();
    }
}

package dev.crm.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FieldRulesTest {

    @Test
    void aNameOfOnlyInvisibleCharactersIsRefusedButZeroWidthJoinersInsideTextAreFine() {
        for (String invisible : List.of("\u200B", "\u200B\u200C\u200D", "\uFEFF", "\u2060\u2060", "\u00A0\u202F",
                "\u3164", "\u2800", "\u200E\u200F", "\uFE0F", "\u180E", "\u115F\u1160")) {
            assertThat(codes(e -> FieldRules.name("title", invisible, 200, e)))
                    .as("U+%04X", (int) invisible.charAt(0)).containsExactly("title:validation.invisible");
        }
        assertThat(codes(e -> FieldRules.name("title", "👩\u200D💻 on call", 200, e))).isEmpty();
        assertThat(codes(e -> FieldRules.name("title", "Call back", 200, e))).isEmpty();
        assertThat(codes(e -> FieldRules.name("title", "", 200, e))).containsExactly("title:validation.required");
        assertThat(codes(e -> FieldRules.name("title", null, 200, e))).containsExactly("title:validation.required");
        assertThat(codes(e -> FieldRules.optionalName("displayName", "\u200B", 100, e)))
                .containsExactly("displayName:validation.invisible");
        assertThat(codes(e -> FieldRules.optionalName("displayName", null, 100, e))).isEmpty();
    }

    @Test
    void loneSurrogatesAreRefusedInEveryTextWhilePairsAreCharacters() {
        for (String broken : List.of("a\uD800", "\uDC00b", "x\uDBFF\uDBFFy", "\uDE00\uD83D")) {
            assertThat(FieldRules.hasLoneSurrogate(broken)).as(broken).isTrue();
            assertThat(codes(e -> FieldRules.name("title", broken, 200, e))).containsExactly("title:validation.unicode");
            assertThat(codes(e -> FieldRules.text("description", broken, 10_000, e)))
                    .containsExactly("description:validation.unicode");
        }
        assertThat(FieldRules.hasLoneSurrogate("😀 \uD83D\uDE00")).isFalse();
        assertThat(codes(e -> FieldRules.text("description", "line one\nline two\t😀", 10_000, e))).isEmpty();
        assertThat(codes(e -> FieldRules.text("description", "a\u0000b", 10_000, e)))
                .containsExactly("description:validation.nul");
        assertThat(codes(e -> FieldRules.name("title", "a\nb", 200, e)))
                .containsExactly("title:validation.control-characters");
    }

    @Test
    void datesAreFourDigitYearsFromOneToNineThousandNineHundredNinetyNine() {
        for (String ok : List.of("0001-01-01", "2026-12-31", "9999-12-31", "2024-02-29")) {
            assertThat(codes(e -> FieldRules.date("dueDate", ok, e))).as(ok).isEmpty();
        }
        for (String bad : List.of("+10000-01-01", "10000-01-01", "0000-01-01", "-0001-01-01", "+2026-01-01",
                "2023-02-29", "2026-13-01", "2026-1-01", "２０２６-０１-０１", "2026-01-01T00:00", " 2026-01-01", "")) {
            assertThat(codes(e -> FieldRules.date("nextStepDate", bad, e))).as(bad)
                    .containsExactly("nextStepDate:validation.date");
        }
        assertThat(codes(e -> FieldRules.date("dueDate", null, e))).isEmpty();
    }

    @Test
    void decimalsAreWrittenPlainlyWithinTheirScaleAndBoundsAndKeptWithoutTrailingZeros() {
        java.math.BigDecimal zero = java.math.BigDecimal.ZERO;
        assertThat(FieldRules.decimal("price", "12.50", 2, zero, null, new ArrayList<>())).isEqualTo("12.5");
        assertThat(FieldRules.decimal("price", "100.00", 2, zero, null, new ArrayList<>())).isEqualTo("100");
        assertThat(FieldRules.decimal("price", "-0.00", 2, null, null, new ArrayList<>())).isEqualTo("0");
        assertThat(FieldRules.decimal("price", "999999999999.99", 2, zero, null, new ArrayList<>()))
                .isEqualTo("999999999999.99");
        assertThat(FieldRules.decimal("price", null, 2, zero, null, new ArrayList<>())).isNull();
        for (String bad : List.of("1e3", "12,50", "1 000", "+1", ".5", "5.", "١٢", "0x10", "NaN", "Infinity")) {
            assertThat(codes(e -> FieldRules.decimal("price", bad, 2, zero, null, e))).as(bad)
                    .containsExactly("price:validation.number");
        }
        assertThat(codes(e -> FieldRules.decimal("price", "1.234", 2, zero, null, e)))
                .containsExactly("price:validation.number.decimals");
        assertThat(codes(e -> FieldRules.decimal("price", "-0.01", 2, zero, null, e)))
                .containsExactly("price:validation.number.min");
        assertThat(codes(e -> FieldRules.decimal("probability", "100.5", 1, zero, java.math.BigDecimal.valueOf(100),
                e))).containsExactly("probability:validation.number.max");
        assertThat(codes(e -> FieldRules.decimal("price", "1000000000000", 2, zero, null, e)))
                .containsExactly("price:validation.number.too-large");
    }

    @Test
    void choicesAndFlagsAreWrittenExactly() {
        assertThat(codes(e -> FieldRules.oneOf("type", "goods", List.of("goods", "service"), e))).isEmpty();
        assertThat(codes(e -> FieldRules.oneOf("type", null, List.of("goods", "service"), e))).isEmpty();
        assertThat(codes(e -> FieldRules.oneOf("type", "Goods", List.of("goods", "service"), e)))
                .containsExactly("type:validation.one-of");
        assertThat(FieldRules.flag("onSale", "false", new ArrayList<>())).isEqualTo("false");
        for (String bad : List.of("TRUE", "yes", "1", "on")) {
            assertThat(codes(e -> FieldRules.flag("onSale", bad, e))).as(bad)
                    .containsExactly("onSale:validation.type.boolean");
        }
    }

    @Test
    void tagsAreBoundedInNumberAndLengthSoTheyAlwaysFitTheirColumn() {
        // task_view.tags is VARCHAR(2000), stored as ",a,b,"
        assertThat(FieldRules.TAGS_MAX * (FieldRules.TAG_MAX + 1) + 1).isLessThanOrEqualTo(2000);
        List<String> many = IntStream.range(0, 60).mapToObj(i -> "tag-" + i + "-" + "x".repeat(30)).toList();
        assertThat(codes(e -> FieldRules.tags("tags", many, e))).containsExactly("tags:validation.tags.too-many");
        List<String> twenty = many.subList(0, FieldRules.TAGS_MAX);
        List<Rejected.FieldError> errors = new ArrayList<>();
        assertThat(FieldRules.tags("tags", twenty, errors)).hasSize(FieldRules.TAGS_MAX);
        assertThat(errors).isEmpty();
        // the same tag many times is one tag
        assertThat(FieldRules.tags("tags", Collections.nCopies(10_000, " vip "), errors)).containsExactly("vip");
        // each kind of error once, however many tags have it
        assertThat(codes(e -> FieldRules.tags("tags", List.of("x".repeat(41), "y".repeat(50), "a,b", "\u200B"), e)))
                .containsExactly("tags:validation.tag");
    }

    @Test
    void aListOfUsersIsBoundedBeforeAnyoneIsLookedUp() {
        assertThat(FieldRules.USERS_MAX * 41 + 1).isLessThanOrEqualTo(2000);
        List<String> many = IntStream.range(0, FieldRules.USERS_MAX + 1).mapToObj(i -> "user" + i).toList();
        assertThat(codes(e -> FieldRules.usernames("subscribers", many, e)))
                .containsExactly("subscribers:validation.users.too-many");
        List<Rejected.FieldError> errors = new ArrayList<>();
        assertThat(FieldRules.usernames("responsible", List.of(" bob ", "bob", "", "sue"), errors))
                .containsExactly("bob", "sue");
        assertThat(errors).isEmpty();
    }

    private static List<String> codes(Consumer<List<Rejected.FieldError>> check) {
        List<Rejected.FieldError> errors = new ArrayList<>();
        check.accept(errors);
        return errors.stream().map(e -> e.field() + ":" + e.code()).toList();
    }
}

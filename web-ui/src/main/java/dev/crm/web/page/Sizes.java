package dev.crm.web.page;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.springframework.stereotype.Component;

/** Byte counts for people ({@code ${@sizes.human(f.size)}}): 512 B, 1.5 KB, 12 MB; units from the messages. */
@Component("sizes")
public class Sizes {

    private static final String[] UNITS = {"size.bytes", "size.kb", "size.mb", "size.gb"};

    private final Texts texts;

    Sizes(Texts texts) {
        this.texts = texts;
    }

    public String human(long bytes) {
        int unit = 0;
        BigDecimal value = BigDecimal.valueOf(Math.max(0, bytes));
        BigDecimal k = BigDecimal.valueOf(1024);
        while (unit < UNITS.length - 1 && value.compareTo(k) >= 0) {
            value = value.divide(k, 10, RoundingMode.HALF_UP);
            unit++;
        }
        int scale = unit == 0 || value.compareTo(BigDecimal.TEN) >= 0 ? 0 : 1;
        return texts.text(UNITS[unit], value.setScale(scale, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString());
    }
}

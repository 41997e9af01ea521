package dev.crm.app.analytics;

import java.util.List;
import java.util.Map;

/**
 * One report's answer: {@code json}, the API's body ({@code domain.md}, "Analytics", with {@code currency}, the period
 * and how far behind the store the projection is), and the table behind its chart: column names (as the JSON names
 * them) and rows, which the page shows and {@code ?format=csv} writes.
 */
public record ReportTable(String report, Map<String, Object> json, List<String> columns, List<List<Object>> rows) {
}

package org.carepost.analytics;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.VectorGraphicsEncoder.VectorGraphicsFormat;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;

/** The governance page's charts as SVG (XChart), drawn from {@link GovernanceAnalytics}' figures only. */
final class AnalyticsCharts {

    static final int WIDTH = 900;
    static final int HEIGHT = 380;

    private AnalyticsCharts() {
    }

    /** Mean hours in each stage, one group of bars per week. */
    static String timeInStages(List<GovernanceAnalytics.StageWeek> rows) {
        List<String> weeks = rows.stream().map(r -> r.week().toString()).distinct().sorted().toList();
        CategoryChart chart = chart("Time in each stage (mean hours, by week the stage ended)", "week", "hours");
        Map<String, Map<String, Double>> byStage = new LinkedHashMap<>();
        for (GovernanceAnalytics.StageWeek row : rows) {
            byStage.computeIfAbsent(row.stage(), s -> new LinkedHashMap<>()).put(row.week().toString(), row.meanHours());
        }
        byStage.forEach((stage, values) -> chart.addSeries(stage, weeks,
                weeks.stream().map(w -> (Number) values.getOrDefault(w, 0.0)).toList()));
        return render(chart, weeks.isEmpty());
    }

    static String slaEscalations(List<GovernanceAnalytics.GroupCount> rows) {
        return bars("SLA escalations per review group", "review group", "escalations", rows,
                GovernanceAnalytics.GroupCount::group, Map.of("escalations", r -> r.count()));
    }

    static String changesAndRejections(List<GovernanceAnalytics.KindDecisions> rows) {
        Map<String, ToDoubleFunction<GovernanceAnalytics.KindDecisions>> series = new LinkedHashMap<>();
        series.put("changes requested", r -> r.changesRequested());
        series.put("rejections", r -> r.rejections());
        return bars("Changes requested and rejections per kind", "content kind", "decisions", rows,
                GovernanceAnalytics.KindDecisions::kind, series);
    }

    static String phiFindings(List<GovernanceAnalytics.PhiTypeFigures> rows) {
        Map<String, ToDoubleFunction<GovernanceAnalytics.PhiTypeFigures>> series = new LinkedHashMap<>();
        series.put("redacted", r -> r.redacted());
        series.put("covered by authorization", r -> r.covered());
        series.put("dismissed as not PHI", r -> r.dismissed());
        series.put("open", r -> r.open());
        CategoryChart chart = chart("PHI findings per type and how they were resolved", "Safe Harbor type", "findings");
        chart.getStyler().setStacked(true);
        return render(fill(chart, rows, GovernanceAnalytics.PhiTypeFigures::type, series), rows.isEmpty());
    }

    static String publications(List<GovernanceAnalytics.PlatformCount> rows) {
        return bars("Publications per platform", "platform", "posts published", rows,
                GovernanceAnalytics.PlatformCount::platform, Map.of("published", r -> r.published()));
    }

    private static <T> String bars(String title, String x, String y, List<T> rows,
                                   java.util.function.Function<T, String> category,
                                   Map<String, ToDoubleFunction<T>> series) {
        return render(fill(chart(title, x, y), rows, category, series), rows.isEmpty());
    }

    private static <T> CategoryChart fill(CategoryChart chart, List<T> rows, java.util.function.Function<T, String> category,
                                          Map<String, ToDoubleFunction<T>> series) {
        List<String> categories = rows.stream().map(category).toList();
        series.forEach((name, value) -> {
            List<Number> values = new ArrayList<>();
            rows.forEach(r -> values.add(value.applyAsDouble(r)));
            chart.addSeries(name, categories, values);
        });
        return chart;
    }

    private static CategoryChart chart(String title, String x, String y) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle(x).yAxisTitle(y).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setXAxisLabelRotation(30);
        return chart;
    }

    /** An empty period is a sentence, not an axis without bars (XChart refuses a chart with no series). */
    private static String render(Chart<?, ?> chart, boolean empty) {
        if (empty) {
            return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + WIDTH + "\" height=\"60\"><text x=\"10\" y=\"35\""
                    + " font-family=\"sans-serif\" font-size=\"16\">" + chart.getTitle() + ": nothing in this period</text></svg>";
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsFormat.SVG);
        } catch (IOException e) {
            throw new UncheckedIOException("rendering into memory cannot fail", e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}

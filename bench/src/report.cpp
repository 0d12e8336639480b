// SPDX-License-Identifier: GPL-2.0-or-later
// lap-bench report --raw DIR --json OUT.json --md OUT.md --png OUT.png [--title text]
// Reads every run file bench/run left in DIR, computes min/median/p99 per figure, puts each next
// to the baseline measured in the same run as a ratio, checks the targets, and draws the
// latency distributions (QPainter on the offscreen platform).
#include "benchcommon.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QJsonDocument>
#include <QMap>
#include <QPainter>
#include <QPainterPath>

#include <cmath>
#include <cstdio>

namespace lapbench {

namespace {

QMultiMap<QString, QJsonObject> loadRuns(const QString &dir)
{
    QMultiMap<QString, QJsonObject> out;
    const QFileInfoList files =
        QDir(dir).entryInfoList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (const QFileInfo &fi : files) {
        QFile f(fi.absoluteFilePath());
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
        const QString scenario = o.value(QStringLiteral("scenario")).toString();
        if (!scenario.isEmpty())
            out.insert(scenario, o);
    }
    return out;
}

// One row of the results table: a figure with its samples, a baseline's samples from the same
// runs, and the target check.
struct Row
{
    QString group;
    QString figure;
    QString unit;
    QVector<double> samples;
    QString baselineName;
    QVector<double> baseline;
    bool higherIsBetter = false;
    QString target;
    int met = -1; // 1 met, 0 missed, -1 no target
    QString note;
    // Filled once the rows are final, for every output.
    Stats stats;
    Stats baselineStats;
};

QString fmt(double v, const QString &unit)
{
    if (unit == QLatin1String("Ir/MB"))
        return QString::number(v / 1e6, 'f', 1) + QStringLiteral(" M");
    const double a = std::fabs(v);
    const int prec = a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : 3;
    return QString::number(v, 'f', prec);
}

QJsonObject rowJson(const Row &r)
{
    QJsonObject o{{QStringLiteral("group"), r.group},
                  {QStringLiteral("figure"), r.figure},
                  {QStringLiteral("unit"), r.unit},
                  {QStringLiteral("stats"), r.stats.toJson()},
                  {QStringLiteral("samples"), toJsonArray(r.samples)},
                  {QStringLiteral("target"), r.target},
                  {QStringLiteral("met"), r.met < 0 ? QJsonValue() : QJsonValue(r.met == 1)}};
    if (!r.baseline.isEmpty()) {
        o.insert(QStringLiteral("baseline"), r.baselineName);
        o.insert(QStringLiteral("baseline_stats"), r.baselineStats.toJson());
        o.insert(QStringLiteral("ratio_median"),
                 r.stats.median / std::max(1e-12, r.baselineStats.median));
    }
    if (!r.note.isEmpty())
        o.insert(QStringLiteral("note"), r.note);
    return o;
}

QVector<double> field(const QList<QJsonObject> &objs, const QString &key, bool skipNegative = true)
{
    QVector<double> v;
    for (const QJsonObject &o : objs) {
        if (!o.contains(key))
            continue;
        const double x = o.value(key).toDouble();
        if (!skipNegative || x >= 0)
            v << x;
    }
    return v;
}

QList<QJsonObject> arrayObjects(const QJsonArray &a)
{
    QList<QJsonObject> out;
    for (const QJsonValue &v : a)
        out << v.toObject();
    return out;
}

// ---- chart ----------------------------------------------------------------------------------

struct Series
{
    QString label;
    QVector<double> values;
    QColor colour;
};

double niceStep(double range, int ticks)
{
    const double raw = range / std::max(1, ticks);
    const double mag = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        if (raw <= m * mag)
            return m * mag;
    }
    return 10 * mag;
}

void drawFrame(QPainter &p, const QRect &r, const QString &title)
{
    p.setPen(QColor(0x33, 0x33, 0x33));
    QFont f = p.font();
    f.setBold(true);
    f.setPixelSize(15);
    p.setFont(f);
    p.drawText(r.adjusted(0, 0, 0, -r.height() + 22), Qt::AlignLeft | Qt::AlignVCenter, title);
    f.setBold(false);
    f.setPixelSize(12);
    p.setFont(f);
}

// Horizontal strips: one row per series, every sample a dot, the median a bar, p99 a tick.
// Vertical dashed lines mark targets. Every strip panel is a time in ms.
void drawStrips(QPainter &p, const QRect &area, const QString &title, const QList<Series> &series,
                const QList<QPair<double, QString>> &marks)
{
    drawFrame(p, area, title);
    const int labelW = 210;
    const QRect plot = area.adjusted(labelW, 30, -15, -30);
    double hi = 0;
    for (const Series &s : series)
        for (double v : s.values)
            hi = std::max(hi, v);
    for (const auto &m : marks)
        hi = std::max(hi, m.first);
    hi = hi <= 0 ? 1 : hi * 1.08;
    const double step = niceStep(hi, 6);
    hi = std::ceil(hi / step) * step;
    auto xOf = [&](double v) {
        return plot.left() + v / hi * plot.width();
    };
    p.setPen(QColor(0xdd, 0xdd, 0xdd));
    for (double t = 0; t <= hi + 1e-9; t += step) {
        p.drawLine(QPointF(xOf(t), plot.top()), QPointF(xOf(t), plot.bottom()));
    }
    p.setPen(QColor(0x55, 0x55, 0x55));
    for (double t = 0; t <= hi + 1e-9; t += step) {
        p.drawText(QRectF(xOf(t) - 40, plot.bottom() + 4, 80, 16), Qt::AlignCenter,
                   QString::number(t, 'g', 4));
    }
    p.drawText(QRectF(plot.right() - 60, plot.bottom() + 16, 60, 14), Qt::AlignRight,
               QStringLiteral("ms"));
    const double rowH = double(plot.height()) / std::max(1, int(series.size()));
    for (int i = 0; i < series.size(); ++i) {
        const Series &s = series[i];
        const double y = plot.top() + rowH * (i + 0.5);
        p.setPen(QColor(0x22, 0x22, 0x22));
        p.drawText(QRectF(area.left(), y - 10, labelW - 8, 20), Qt::AlignRight | Qt::AlignVCenter,
                   s.label);
        if (s.values.isEmpty())
            continue;
        p.setPen(Qt::NoPen);
        QColor dot = s.colour;
        dot.setAlpha(s.values.size() > 200 ? 40 : 140);
        p.setBrush(dot);
        // A deterministic jitter spreads identical values vertically.
        for (int k = 0; k < s.values.size(); ++k) {
            const double jitter = ((k * 7919) % 97) / 97.0 - 0.5;
            p.drawEllipse(QPointF(xOf(s.values[k]), y + jitter * rowH * 0.5), 3, 3);
        }
        const Stats st = statsOf(s.values);
        p.setPen(QPen(s.colour.darker(150), 3));
        p.drawLine(QPointF(xOf(st.median), y - rowH * 0.35),
                   QPointF(xOf(st.median), y + rowH * 0.35));
        p.setPen(QPen(s.colour.darker(150), 1.5));
        p.drawLine(QPointF(xOf(st.p99), y - rowH * 0.2), QPointF(xOf(st.p99), y + rowH * 0.2));
    }
    for (const auto &m : marks) {
        p.setPen(QPen(QColor(0xc0, 0x30, 0x30), 1.5, Qt::DashLine));
        p.drawLine(QPointF(xOf(m.first), plot.top() - 4), QPointF(xOf(m.first), plot.bottom()));
        p.drawText(QRectF(xOf(m.first) + 3, plot.top() - 16, 200, 14), Qt::AlignLeft, m.second);
    }
    p.setPen(QColor(0x99, 0x99, 0x99));
    p.setBrush(Qt::NoBrush);
    p.drawRect(plot);
}

// Empirical CDFs on a logarithmic time axis.
void drawCdf(QPainter &p, const QRect &area, const QString &title, const QList<Series> &series)
{
    drawFrame(p, area, title);
    const QRect plot = area.adjusted(50, 30, -15, -30);
    double lo = 1e9, hi = 0;
    for (const Series &s : series) {
        for (double v : s.values) {
            if (v > 0) {
                lo = std::min(lo, v);
                hi = std::max(hi, v);
            }
        }
    }
    if (hi <= 0)
        return;
    lo = std::pow(10.0, std::floor(std::log10(lo)));
    hi = std::pow(10.0, std::ceil(std::log10(hi)));
    auto xOf = [&](double v) {
        return plot.left() + (std::log10(std::max(v, lo)) - std::log10(lo)) /
                                 (std::log10(hi) - std::log10(lo)) * plot.width();
    };
    auto yOf = [&](double f) {
        return plot.bottom() - f * plot.height();
    };
    p.setPen(QColor(0xdd, 0xdd, 0xdd));
    for (double d = lo; d <= hi * 1.0001; d *= 10) {
        for (int m = 1; m < 10 && d * m <= hi * 1.0001; ++m)
            p.drawLine(QPointF(xOf(d * m), plot.top()), QPointF(xOf(d * m), plot.bottom()));
    }
    for (double f : {0.25, 0.5, 0.75, 0.99})
        p.drawLine(QPointF(plot.left(), yOf(f)), QPointF(plot.right(), yOf(f)));
    p.setPen(QColor(0x55, 0x55, 0x55));
    for (double d = lo; d <= hi * 1.0001; d *= 10)
        p.drawText(QRectF(xOf(d) - 30, plot.bottom() + 4, 60, 16), Qt::AlignCenter,
                   QString::number(d, 'g', 3) + QStringLiteral(" ms"));
    for (double f : {0.0, 0.25, 0.5, 0.75, 1.0})
        p.drawText(QRectF(area.left(), yOf(f) - 8, 44, 16), Qt::AlignRight | Qt::AlignVCenter,
                   QString::number(f));
    p.drawText(QRectF(plot.left() + 4, yOf(0.99) - 14, 40, 14), Qt::AlignLeft,
               QStringLiteral("p99"));
    int legendY = plot.top() + 6;
    for (const Series &s : series) {
        QVector<double> v = s.values;
        std::sort(v.begin(), v.end());
        QPainterPath path;
        for (int k = 0; k < v.size(); ++k) {
            const QPointF pt(xOf(v[k]), yOf(double(k + 1) / v.size()));
            if (k == 0)
                path.moveTo(xOf(v[k]), yOf(0));
            path.lineTo(xOf(v[k]), k == 0 ? yOf(0) : yOf(double(k) / v.size()));
            path.lineTo(pt);
        }
        p.setPen(QPen(s.colour, 2));
        p.setBrush(Qt::NoBrush);
        p.drawPath(path);
        p.fillRect(QRectF(plot.right() - 420, legendY + 3, 14, 4), s.colour);
        p.setPen(QColor(0x22, 0x22, 0x22));
        const Stats st = statsOf(s.values);
        p.drawText(QRectF(plot.right() - 400, legendY - 4, 395, 16), Qt::AlignLeft,
                   QStringLiteral("%1 (p50 %2, p99 %3 ms)")
                       .arg(s.label, fmt(st.median, QString()), fmt(st.p99, QString())));
        legendY += 18;
    }
    p.setPen(QColor(0x99, 0x99, 0x99));
    p.drawRect(plot);
}

} // namespace

int runReport(const QStringList &args)
{
    QCommandLineParser p;
    p.addOption(
        {QStringLiteral("raw"), QStringLiteral("directory of run files"), QStringLiteral("dir")});
    p.addOption(
        {QStringLiteral("json"), QStringLiteral("aggregated JSON"), QStringLiteral("path")});
    p.addOption({QStringLiteral("md"), QStringLiteral("Markdown table"), QStringLiteral("path")});
    p.addOption({QStringLiteral("png"), QStringLiteral("chart"), QStringLiteral("path")});
    p.addOption({QStringLiteral("title"), QStringLiteral("heading"), QStringLiteral("text")});
    p.addHelpOption();
    p.process(args);
    const QMultiMap<QString, QJsonObject> runs = loadRuns(p.value(QStringLiteral("raw")));
    QList<Row> rows;
    QList<QPair<QString, QList<Series>>> stripPanels;
    QList<QList<QPair<double, QString>>> stripMarks;
    QList<Series> echoCdf;
    const QColor cApp(0x1f, 0x77, 0xb4), cApp2(0x2c, 0xa0, 0x2c), cBase(0xff, 0x7f, 0x0e),
        cBase2(0x94, 0x67, 0xbd), cGrey(0x7f, 0x7f, 0x7f);

    // 1. Time to interactive, per ready delay.
    QMap<int, QList<QJsonObject>> tti;
    for (const QJsonObject &o : runs.values(QStringLiteral("tti"))) {
        const int d = o.value(QStringLiteral("ready_delay_ms")).toInt();
        tti[d] += arrayObjects(o.value(QStringLiteral("runs")).toArray());
    }
    for (auto it = tti.cbegin(); it != tti.cend(); ++it) {
        const int d = it.key();
        const QList<QJsonObject> &rs = it.value();
        const QString group =
            QStringLiteral("1. Time to interactive, ready delay %1 s").arg(d / 1000.0, 0, 'g', 3);
        const double target = d == 0 ? 150 : d + 300;
        Row r{group, QStringLiteral("open → first remote byte drawn"), QStringLiteral("ms"),
              field(rs, QStringLiteral("first_drawn_ms"))};
        r.baselineName =
            QStringLiteral("reference CLI schedule (1.5 s polls), same server timings");
        r.baseline = field(rs, QStringLiteral("cli_first_drawn_ms"));
        r.target = QStringLiteral("≤ %1 ms").arg(target);
        r.met = statsOf(r.samples).p99 <= target ? 1 : 0;
        rows << r;
        Row s{group, QStringLiteral("server-side ready (lower bound)"), QStringLiteral("ms"),
              field(rs, QStringLiteral("server_ready_ms"))};
        rows << s;
        Row q{group, QStringLiteral("open → shell prompt drawn"), QStringLiteral("ms"),
              field(rs, QStringLiteral("prompt_drawn_ms"))};
        rows << q;
        // Where the time goes: the milestones of the same runs, each from t0.
        const QPair<const char *, const char *> steps[] = {
            {"open_returned_ms", "… openAgent() returned (tab and QTermWidget built)"},
            {"resolved_ms", "… agent name resolved (GET /agents?search=)"},
            {"server_created_ms", "… POST …/session reached the server (created_at)"},
            {"created_ms", "… POST answered"},
            {"client_ready_ms", "… a poll saw status ready"},
            {"connected_ms", "… WebSocket open"},
            {"first_output_ms", "… first output on the socket (tmux attached)"},
            {"first_parsed_ms", "… first output parsed by the emulator"},
        };
        for (const auto &step : steps) {
            rows << Row{group, QString::fromUtf8(step.second), QStringLiteral("ms"),
                        field(rs, QString::fromLatin1(step.first))};
        }
        Row pr{group, QStringLiteral("what-if: the previous poll schedule (computed)"),
               QStringLiteral("ms"), field(rs, QStringLiteral("previous_first_drawn_ms"))};
        pr.note = QStringLiteral("0, 100, 150, 250, 400, 600, 900, 1200, then 1500 ms");
        rows << pr;
        stripPanels.append(
            {QStringLiteral("Time to interactive, ready delay %1 ms").arg(d),
             {{QStringLiteral("server ready"), s.samples, cGrey},
              {QStringLiteral("app: first byte drawn"), r.samples, cApp},
              {QStringLiteral("app: prompt drawn"), q.samples, cApp2},
              {QStringLiteral("CLI schedule (computed)"), r.baseline, cBase},
              {QStringLiteral("previous schedule (computed)"), pr.samples, cBase2}}});
        stripMarks.append({{target, QStringLiteral("target %1 ms").arg(target)}});
    }

    // 2. Keystroke echo.
    {
        QVector<double> drawn, parsed, recv, input, base;
        for (const QJsonObject &o : runs.values(QStringLiteral("echo"))) {
            drawn += fromJsonArray(o.value(QStringLiteral("app_drawn_ms")).toArray());
            parsed += fromJsonArray(o.value(QStringLiteral("app_parsed_ms")).toArray());
            recv += fromJsonArray(o.value(QStringLiteral("app_recv_ms")).toArray());
            input += fromJsonArray(o.value(QStringLiteral("app_input_ms")).toArray());
            base += fromJsonArray(o.value(QStringLiteral("baseline_ws_ms")).toArray());
        }
        if (!base.isEmpty()) {
            const QString group = QStringLiteral("2. Keystroke echo");
            const double limit = statsOf(base).p99 + 1.0;
            const QString bn = QStringLiteral("bare QWebSocket, same PTY");
            Row a{group,
                  QStringLiteral("key → echo parsed into the emulator's screen"),
                  QStringLiteral("ms"),
                  parsed,
                  bn,
                  base};
            a.target = QStringLiteral("p99 ≤ baseline p99 + 1 ms (%1)").arg(fmt(limit, QString()));
            a.met = statsOf(parsed).p99 <= limit ? 1 : 0;
            Row b{group,
                  QStringLiteral("key → echo drawn (next paint)"),
                  QStringLiteral("ms"),
                  drawn,
                  bn,
                  base};
            b.target = a.target;
            b.met = statsOf(drawn).p99 <= limit ? 1 : 0;
            Row c{group,
                  QStringLiteral("key → echo bytes at the app's socket"),
                  QStringLiteral("ms"),
                  recv,
                  bn,
                  base};
            Row k{group, QStringLiteral("key → bytes handed to the channel (key translation)"),
                  QStringLiteral("ms"), input};
            rows << k << c << a << b;
            echoCdf = {{QStringLiteral("baseline: bare QWebSocket"), base, cBase},
                       {QStringLiteral("app: echo at socket"), recv, cGrey},
                       {QStringLiteral("app: echo parsed"), parsed, cApp},
                       {QStringLiteral("app: echo drawn"), drawn, cApp2}};
        }
    }

    // 3. Flood.
    {
        QMap<QString, QList<QJsonObject>> clean, ctrl;
        for (const QJsonObject &o : runs.values(QStringLiteral("flood"))) {
            const QString mode = o.value(QStringLiteral("mode")).toString();
            (o.contains(QStringLiteral("ctrl_c_at")) ? ctrl : clean)[mode] << o;
        }
        const QString group = QStringLiteral("3. Flood (100 MB mixed text + ANSI)");
        const QVector<double> baseTp =
            field(clean.value(QStringLiteral("emulator")), QStringLiteral("mb_per_s"));
        const QString bn = QStringLiteral("same bytes straight into QTermWidget, no network");
        QList<Series> floodSeries, ctrlSeries, stopSeries;
        // Run files of the former app-fc mode (the harness wiring TerminalTab's flow control in
        // before the tab had its own; results/2026-11-23) are ignored, like any other mode
        // not listed here.
        for (const QString &mode : {QStringLiteral("remoteterminal"), QStringLiteral("app")}) {
            const QList<QJsonObject> &rs = clean.value(mode);
            if (rs.isEmpty())
                continue;
            const QString who = mode == QLatin1String("app")
                                    ? QStringLiteral("app (as shipped)")
                                    : QStringLiteral("RemoteTerminal alone, no network");
            Row tp{group,
                   QStringLiteral("%1: throughput").arg(who),
                   QStringLiteral("MB/s"),
                   field(rs, QStringLiteral("mb_per_s")),
                   bn,
                   baseTp,
                   true};
            if (mode != QLatin1String("remoteterminal")) {
                const double need = 0.9 * statsOf(baseTp).median;
                tp.target = QStringLiteral("≥ 90 % of baseline (%1)").arg(fmt(need, QString()));
                tp.met = statsOf(tp.samples).median >= need ? 1 : 0;
            }
            rows << tp;
            Row st{group,
                   QStringLiteral("%1: longest event-loop stall").arg(who),
                   QStringLiteral("ms"),
                   field(rs, QStringLiteral("max_stall_ms")),
                   QStringLiteral("emulator baseline"),
                   field(clean.value(QStringLiteral("emulator")), QStringLiteral("max_stall_ms"))};
            if (mode != QLatin1String("remoteterminal")) {
                st.target = QStringLiteral("≤ 50 ms");
                st.met = statsOf(st.samples).p99 <= 50 ? 1 : 0;
            }
            rows << st;
            QVector<double> pend;
            for (double x : field(rs, QStringLiteral("pending_peak_bytes")))
                pend << x / 1e6;
            rows << Row{group, QStringLiteral("%1: peak terminal backlog").arg(who),
                        QStringLiteral("MB"), pend};
            QVector<double> growth, baseGrowth;
            for (double x : field(rs, QStringLiteral("rss_growth_kb")))
                growth << x / 1024.0;
            for (double x :
                 field(clean.value(QStringLiteral("emulator")), QStringLiteral("rss_growth_kb")))
                baseGrowth << x / 1024.0;
            rows << Row{group,
                        QStringLiteral("%1: peak RSS growth during the flood").arg(who),
                        QStringLiteral("MiB"),
                        growth,
                        QStringLiteral("emulator baseline"),
                        baseGrowth};
            floodSeries << Series{QStringLiteral("%1 stall").arg(mode), st.samples,
                                  mode == QLatin1String("app") ? cApp : cApp2};
        }
        if (!baseTp.isEmpty()) {
            floodSeries.prepend(Series{
                QStringLiteral("emulator stall"),
                field(clean.value(QStringLiteral("emulator")), QStringLiteral("max_stall_ms")),
                cBase});
        }
        const QList<QJsonObject> ctrlRuns = ctrl.value(QStringLiteral("app"));
        if (!ctrlRuns.isEmpty()) {
            Row d{group, QStringLiteral("app (as shipped): Ctrl-C at 30 % → SIGINT in the remote"),
                  QStringLiteral("ms"), field(ctrlRuns, QStringLiteral("ctrl_c_delivered_ms"))};
            d.target = QStringLiteral("≤ 100 ms");
            d.met = !d.samples.isEmpty() && statsOf(d.samples).p99 <= 100 ? 1 : 0;
            rows << d;
            Row s{group, QStringLiteral("app (as shipped): Ctrl-C → screen stops scrolling"),
                  QStringLiteral("ms"),
                  field(ctrlRuns, QStringLiteral("ctrl_c_screen_stopped_ms"))};
            rows << s;
            ctrlSeries << Series{QStringLiteral("app Ctrl-C → SIGINT"), d.samples, cApp};
            stopSeries << Series{QStringLiteral("app Ctrl-C → screen stops"), s.samples, cApp};
        }
        if (!floodSeries.isEmpty()) {
            stripPanels.append(
                {QStringLiteral("Flood: longest event-loop stall per run"), floodSeries});
            stripMarks.append({{50, QStringLiteral("target 50 ms")}});
        }
        if (!ctrlSeries.isEmpty()) {
            stripPanels.append(
                {QStringLiteral("Flood: Ctrl-C typed at 30 % → SIGINT"), ctrlSeries});
            stripMarks.append({{100, QStringLiteral("target 100 ms")}});
            stripPanels.append(
                {QStringLiteral("Flood: Ctrl-C → last byte on screen (what was already buffered)"),
                 stopSeries});
            stripMarks.append(QList<QPair<double, QString>>());
        }
    }

    // 4. Memory.
    {
        QMap<int, QVector<double>> rss, trimmed;
        QVector<double> perTab10, perTab50, perTab50Trim;
        for (const QJsonObject &o : runs.values(QStringLiteral("memory"))) {
            QMap<int, double> at, atTrim;
            for (const QJsonValue &v : o.value(QStringLiteral("points")).toArray()) {
                const QJsonObject pt = v.toObject();
                const int n = pt.value(QStringLiteral("tabs")).toInt();
                at[n] = pt.value(QStringLiteral("rss_kb")).toDouble() / 1024.0;
                atTrim[n] = pt.value(QStringLiteral("rss_trimmed_kb")).toDouble() / 1024.0;
                rss[n] << at[n];
                trimmed[n] << atTrim[n];
            }
            if (at.contains(1) && at.contains(10))
                perTab10 << (at[10] - at[1]) / 9.0;
            if (at.contains(1) && at.contains(50)) {
                perTab50 << (at[50] - at[1]) / 49.0;
                perTab50Trim << (atTrim[50] - atTrim[1]) / 49.0;
            }
        }
        const QString group = QStringLiteral("4. Memory (10 000 scrollback lines per tab)");
        for (auto it = rss.cbegin(); it != rss.cend(); ++it)
            rows << Row{group, QStringLiteral("RSS with %1 tab(s)").arg(it.key()),
                        QStringLiteral("MiB"), it.value()};
        if (!perTab10.isEmpty()) {
            Row a{group, QStringLiteral("per extra tab, 1 → 10"), QStringLiteral("MiB"), perTab10};
            a.target = QStringLiteral("≤ 15 MB");
            a.met = statsOf(perTab10).p99 <= 15 * 1e6 / 1048576.0 ? 1 : 0;
            rows << a;
        }
        if (!perTab50.isEmpty()) {
            Row b{group, QStringLiteral("per extra tab, 1 → 50"), QStringLiteral("MiB"), perTab50};
            b.target = QStringLiteral("≤ 15 MB");
            b.met = statsOf(perTab50).p99 <= 15 * 1e6 / 1048576.0 ? 1 : 0;
            rows << b;
            rows << Row{group, QStringLiteral("per extra tab, 1 → 50, after malloc_trim"),
                        QStringLiteral("MiB"), perTab50Trim};
        }
    }

    // 5. Startup.
    {
        for (const QJsonObject &o : runs.values(QStringLiteral("startup"))) {
            const int tabs = o.value(QStringLiteral("tabs")).toInt();
            const QList<QJsonObject> rs = arrayObjects(o.value(QStringLiteral("runs")).toArray());
            const QString group = QStringLiteral("5. Startup (offscreen, in-process main.cpp)");
            if (tabs == 0) {
                rows << Row{group, QStringLiteral("launch → main window shown"),
                            QStringLiteral("ms"), field(rs, QStringLiteral("window_shown_ms"))};
                rows << Row{group,
                            QStringLiteral("launch → main() entered (exec, dynamic linking)"),
                            QStringLiteral("ms"), field(rs, QStringLiteral("main_entered_ms"))};
            } else {
                rows << Row{group,
                            QStringLiteral("launch with %1 sessions → window shown").arg(tabs),
                            QStringLiteral("ms"), field(rs, QStringLiteral("window_shown_ms"))};
                rows << Row{group,
                            QStringLiteral("launch → %1 tabs connected, output parsed").arg(tabs),
                            QStringLiteral("ms"), field(rs, QStringLiteral("tabs_output_ms"))};
            }
        }
    }

    // 6. Instructions per MB (callgrind): user-space instructions only (syscalls are the
    // kernel's), the terminal hidden so that no timer-driven painting is counted.
    for (const QJsonObject &o : runs.values(QStringLiteral("callgrind"))) {
        const QString group = QStringLiteral("6. Byte path socket → emulator (callgrind, hidden "
                                             "terminal, user-space instructions)");
        const QVector<double> total =
            fromJsonArray(o.value(QStringLiteral("ir_per_mb_total")).toArray());
        const QVector<double> emu =
            fromJsonArray(o.value(QStringLiteral("ir_per_mb_emulator")).toArray());
        const QVector<double> tty =
            fromJsonArray(o.value(QStringLiteral("ir_per_mb_ttychannel")).toArray());
        const QVector<double> rt =
            fromJsonArray(o.value(QStringLiteral("ir_per_mb_remoteterminal")).toArray());
        QVector<double> rest;
        for (int i = 0; i < total.size() && i < emu.size() && i < tty.size() && i < rt.size(); ++i)
            rest << total[i] - emu[i] - tty[i] - rt[i];
        rows << Row{group, QStringLiteral("instructions per MB, whole byte path"),
                    QStringLiteral("Ir/MB"), total};
        rows << Row{group, QStringLiteral("… QTermWidget's emulator (Emulation::receiveData)"),
                    QStringLiteral("Ir/MB"), emu};
        rows << Row{group, QStringLiteral("… TtyChannel::onText (UTF-8 re-encode, hand-over)"),
                    QStringLiteral("Ir/MB"), tty};
        rows << Row{group, QStringLiteral("… RemoteTerminal::onWritable (PTY writes)"),
                    QStringLiteral("Ir/MB"), rt};
        rows << Row{group,
                    QStringLiteral("… the rest: Qt sockets, WebSocket framing + UTF-8 decode, "
                                   "PTY reads, event dispatch"),
                    QStringLiteral("Ir/MB"), rest};
    }

    // A figure the run files do not have (an older run, a scenario left out) is not a row.
    rows.erase(
        std::remove_if(rows.begin(), rows.end(), [](const Row &r) { return r.samples.isEmpty(); }),
        rows.end());
    for (Row &r : rows) {
        r.stats = statsOf(r.samples);
        r.baselineStats = statsOf(r.baseline);
    }

    // ---- outputs ----
    QJsonArray rowsJson;
    for (const Row &r : rows)
        rowsJson.append(rowJson(r));
    QJsonObject machine;
    if (!runs.isEmpty())
        machine = runs.first().value(QStringLiteral("machine")).toObject();
    const QJsonObject all{{QStringLiteral("title"), p.value(QStringLiteral("title"))},
                          {QStringLiteral("machine"), machine},
                          {QStringLiteral("figures"), rowsJson}};
    if (p.isSet(QStringLiteral("json"))) {
        QFile f(p.value(QStringLiteral("json")));
        if (f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            f.write(QJsonDocument(all).toJson(QJsonDocument::Indented));
    }

    if (p.isSet(QStringLiteral("md"))) {
        QString md = QStringLiteral("<!-- SPDX-License-Identifier: GPL-2.0-or-later -->\n");
        md += QStringLiteral("| Figure | n | min | median | p99 | Baseline (median) | Ratio | "
                             "Target | Met |\n|---|---|---|---|---|---|---|---|---|\n");
        QString lastGroup;
        for (const Row &r : rows) {
            if (r.group != lastGroup) {
                md += QStringLiteral("| **%1** | | | | | | | | |\n").arg(r.group);
                lastGroup = r.group;
            }
            const Stats &s = r.stats;
            QString base = QStringLiteral("—"), ratio = QStringLiteral("—");
            if (!r.baseline.isEmpty()) {
                const Stats &b = r.baselineStats;
                base =
                    QStringLiteral("%1 %2 (%3)").arg(fmt(b.median, r.unit), r.unit, r.baselineName);
                ratio = QStringLiteral("%1×").arg(s.median / std::max(1e-12, b.median), 0, 'f', 2);
            }
            const QString met = r.met < 0 ? QStringLiteral("")
                                : r.met   ? QStringLiteral("✅ yes")
                                          : QStringLiteral("❌ no");
            md +=
                QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 | %7 | %8 | %9 |\n")
                    .arg(r.figure + (r.note.isEmpty() ? QString() : QStringLiteral(" — ") + r.note))
                    .arg(s.n)
                    .arg(fmt(s.min, r.unit) + QLatin1Char(' ') + r.unit,
                         fmt(s.median, r.unit) + QLatin1Char(' ') + r.unit,
                         fmt(s.p99, r.unit) + QLatin1Char(' ') + r.unit, base, ratio,
                         r.target.isEmpty() ? QStringLiteral("") : r.target, met);
        }
        QFile f(p.value(QStringLiteral("md")));
        if (f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            f.write(md.toUtf8());
    }

    if (p.isSet(QStringLiteral("png"))) {
        const int panelH = 300;
        const int panels = int(stripPanels.size()) + (echoCdf.isEmpty() ? 0 : 1);
        QImage img(1400, 60 + panels * (panelH + 20), QImage::Format_RGB32);
        img.fill(Qt::white);
        QPainter painter(&img);
        painter.setRenderHint(QPainter::Antialiasing);
        QFont f = painter.font();
        f.setPixelSize(18);
        f.setBold(true);
        painter.setFont(f);
        painter.drawText(QRect(20, 10, 1360, 30), Qt::AlignLeft | Qt::AlignVCenter,
                         p.value(QStringLiteral("title")));
        int y = 50;
        if (!echoCdf.isEmpty()) {
            drawCdf(painter, QRect(20, y, 1360, panelH),
                    QStringLiteral("Keystroke echo latency (CDF, log time)"), echoCdf);
            y += panelH + 20;
        }
        for (int i = 0; i < stripPanels.size(); ++i) {
            drawStrips(painter, QRect(20, y, 1360, panelH), stripPanels[i].first,
                       stripPanels[i].second, stripMarks[i]);
            y += panelH + 20;
        }
        painter.end();
        img.save(p.value(QStringLiteral("png")));
    }
    std::fprintf(stderr, "report: %d figures from %d run files\n", int(rows.size()),
                 int(runs.size()));
    return 0;
}

} // namespace lapbench

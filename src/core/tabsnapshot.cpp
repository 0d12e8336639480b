// SPDX-License-Identifier: GPL-2.0-or-later
#include "tabsnapshot.h"

#include "models.h"
#include "platformclient.h"

#include <QSettings>
#include <QVariant>

#include <algorithm>

namespace lap {

namespace {

const QLatin1String kGroup("restore");
const QLatin1String kArray("tabs");
// A title longer than this was not typed by the app; cut it rather than carry it around.
constexpr int kMaxTitleLength = 200;

QString arrayKey(int index, const char *field)
{
    // QSettings arrays number from 1: "restore/tabs/1/sessionId", size in "restore/tabs/size".
    return QStringLiteral("%1/%2/%3/%4")
        .arg(kGroup, kArray)
        .arg(index + 1)
        .arg(QLatin1String(field));
}

// A string value, or empty for a missing value or one of another type (a hand-edited file can
// hold a list where a string belongs).
QString stringValue(const QSettings &settings, const QString &key)
{
    const QVariant v = settings.value(key);
#if QT_VERSION >= QT_VERSION_CHECK(6, 0, 0)
    const bool isString = v.typeId() == QMetaType::QString;
#else
    const bool isString = v.type() == QVariant::String;
#endif
    return isString ? v.toString() : QString();
}

} // namespace

QList<SavedTab> loadSavedTabs(const QSettings &settings)
{
    // Read through full keys: beginReadArray() would need a non-const QSettings.
    bool ok = false;
    const int size =
        settings.value(QStringLiteral("%1/%2/size").arg(kGroup, kArray)).toString().toInt(&ok);
    QList<SavedTab> tabs;
    if (!ok || size <= 0)
        return tabs;
    for (int i = 0; i < std::min(size, kMaxSavedTabs); ++i) {
        SavedTab tab;
        tab.sessionId = stringValue(settings, arrayKey(i, "sessionId")).trimmed().toLower();
        if (tab.sessionId.isEmpty() || !looksLikeUuid(tab.sessionId))
            continue;
        const QString base = stringValue(settings, arrayKey(i, "baseUrl"));
        if (!base.isEmpty()) {
            tab.baseUrl = normalizeBaseUrl(base);
            if (!tab.baseUrl.isValid())
                continue; // attaching it elsewhere than it lived would be wrong
        }
        tab.profile = stringValue(settings, arrayKey(i, "profile"));
        tab.agentName = stringValue(settings, arrayKey(i, "agentName"));
        const QString agentId = stringValue(settings, arrayKey(i, "agentId")).trimmed();
        // Only used to open the agent anew; a broken one is dropped, not the whole tab.
        tab.agentId = looksLikeUuid(agentId) ? agentId.toLower() : QString();
        tab.title = stringValue(settings, arrayKey(i, "title")).left(kMaxTitleLength);
        tabs.append(tab);
    }
    return tabs;
}

void saveTabs(QSettings &settings, const QList<SavedTab> &tabs)
{
    settings.beginGroup(kGroup);
    settings.remove(kArray); // a shorter list must not leave the old tail behind
    settings.beginWriteArray(kArray);
    int index = 0;
    for (const SavedTab &tab : tabs) {
        if (tab.sessionId.isEmpty())
            continue;
        settings.setArrayIndex(index++);
        settings.setValue(QStringLiteral("profile"), tab.profile);
        // A URL typed as user:password@host must not end up in a plain-text file.
        settings.setValue(QStringLiteral("baseUrl"),
                          tab.baseUrl.isValid()
                              ? tab.baseUrl.adjusted(QUrl::RemoveUserInfo).toString()
                              : QString());
        settings.setValue(QStringLiteral("agentName"), tab.agentName);
        settings.setValue(QStringLiteral("agentId"), tab.agentId);
        settings.setValue(QStringLiteral("sessionId"), tab.sessionId);
        settings.setValue(QStringLiteral("title"), tab.title.left(kMaxTitleLength));
    }
    settings.endArray();
    settings.endGroup();
}

} // namespace lap

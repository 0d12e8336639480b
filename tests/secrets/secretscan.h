// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

// Finding secrets where they must not be: in files, in captured output, in a
// process's command line. A secret counts as found in any form a program might write it: as
// UTF-8, as UTF-16, percent-encoded (a URL query), or base64 (an "Authorization: Basic" header,
// a QSettings @ByteArray value).

#include <QByteArray>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <cstdio>
#include <fcntl.h>
#include <unistd.h>

namespace laptest {

inline QList<QByteArray> secretForms(const QString &secret)
{
    const QByteArray utf8 = secret.toUtf8();
    QList<QByteArray> forms{utf8,
                            QByteArray(reinterpret_cast<const char *>(secret.utf16()),
                                       int(secret.size() * sizeof(char16_t))),
                            QUrl::toPercentEncoding(secret)};
    // Base64 at each of the three alignments it can have inside a longer run; the groups that
    // mix in neighbouring bytes are left out.
    for (int k = 0; k < 3; ++k) {
        QByteArray b = (QByteArray(k, '\0') + utf8).toBase64().mid(k ? 4 : 0);
        b.chop(4);
        forms << b;
    }
    return forms;
}

inline bool containsSecret(const QByteArray &haystack, const QString &secret)
{
    for (const QByteArray &form : secretForms(secret)) {
        if (form.size() >= 8 && haystack.contains(form))
            return true;
    }
    return false;
}

// Every regular file under `root` (hidden ones too; symlinks not followed) holding `secret`.
inline QStringList filesContaining(const QString &root, const QString &secret, int *scanned)
{
    QStringList hits;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot | QDir::System,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QFileInfo info(path);
        if (!info.isFile() || info.isSymLink())
            continue; // sockets and FIFOs of a daemon living under HOME
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        if (scanned)
            ++*scanned;
        if (containsSecret(f.readAll(), secret))
            hits << path;
    }
    return hits;
}

inline QByteArray procFile(qint64 pid, const char *name)
{
    QFile f(QStringLiteral("/proc/%1/%2").arg(pid).arg(QLatin1String(name)));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Sends this process's stdout and stderr (file descriptors 1 and 2: printf, qDebug, Qt's
// own warnings, child processes that inherit them) to a file until end().
class OutputCapture
{
public:
    bool begin(const QString &path)
    {
        std::fflush(stdout);
        std::fflush(stderr);
        m_path = path;
        const int fd =
            ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (fd < 0)
            return false;
        m_savedOut = ::dup(1);
        m_savedErr = ::dup(2);
        ::dup2(fd, 1);
        ::dup2(fd, 2);
        ::close(fd);
        return true;
    }
    QByteArray end()
    {
        std::fflush(stdout);
        std::fflush(stderr);
        if (m_savedOut >= 0) {
            ::dup2(m_savedOut, 1);
            ::dup2(m_savedErr, 2);
            ::close(m_savedOut);
            ::close(m_savedErr);
            m_savedOut = m_savedErr = -1;
        }
        QFile f(m_path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
    ~OutputCapture() { end(); }

private:
    QString m_path;
    int m_savedOut = -1;
    int m_savedErr = -1;
};

} // namespace laptest

// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

class QNetworkAccessManager;
class QSettings;

namespace lap {

class CredentialStore;
class ProfileStore;

// Long-lived objects the window works with; owned by main() so tests can build their own.
struct AppServices
{
    QNetworkAccessManager *nam = nullptr;
    QSettings *settings = nullptr;
    ProfileStore *profiles = nullptr;
    CredentialStore *keys = nullptr;
};

} // namespace lap

// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "laperror.h"

#include <QString>

#include <functional>

namespace lap {

class CredentialStore;
class ProfileStore;

// Signs out of a profile: the key is deleted from the keychain; with forgetProfile the saved
// profile (name + URL) goes too, but only once the key is gone, so a failure leaves everything
// in place for a retry. A key that is not there is not an error. The caller drops its in-memory
// copy of the key whatever the outcome.
void signOut(CredentialStore *keys, ProfileStore *profiles, const QString &profileName,
             bool forgetProfile, std::function<void(const LapError &)> done);

} // namespace lap

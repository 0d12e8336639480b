// SPDX-License-Identifier: GPL-2.0-or-later
#include "signout.h"

#include "credentialstore.h"
#include "profilestore.h"

namespace lap {

void signOut(CredentialStore *keys, ProfileStore *profiles, const QString &profileName,
             bool forgetProfile, std::function<void(const LapError &)> done)
{
    keys->deleteKey(profileName, [profiles, profileName, forgetProfile,
                                  done = std::move(done)](const LapError &error) {
        if (!error.isError() && forgetProfile) {
            const bool wasActive = profiles->activeName() == profileName;
            profiles->remove(profileName);
            if (wasActive)
                profiles->setActiveName(QString());
        }
        if (done)
            done(error);
    });
}

} // namespace lap

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>AgentPicker</name>
    <message>
        <source>Open an agent</source>
        <translation>Ouvrir un agent</translation>
    </message>
    <message>
        <source>Filter by name, id or harness</source>
        <translation>Filtrer par nom, identifiant ou harness</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Réessayer</translation>
    </message>
</context>
<context>
    <name>AttachDialog</name>
    <message>
        <source>Attach to a session</source>
        <translation>Se rattacher à une session</translation>
    </message>
    <message>
        <source>Show the sessions of one agent only (asked of the platform).</source>
        <translation>N’afficher que les sessions d’un agent (demandées à la plateforme).</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>A&amp;ctualiser</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Réessayer</translation>
    </message>
    <message>
        <source>Session &amp;id or URL:</source>
        <translation>&amp;Identifiant ou URL de session&#xa0;:</translation>
    </message>
    <message>
        <source>Paste a session id or a &lt;base&gt;/sessions/&lt;id&gt; URL</source>
        <translation>Collez un identifiant de session ou une URL &lt;base&gt;/sessions/&lt;id&gt;</translation>
    </message>
    <message>
        <source>A&amp;gent:</source>
        <translation>A&amp;gent&#xa0;:</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>Terminal</translation>
    </message>
    <message>
        <source>Color &amp;scheme:</source>
        <translation>&amp;Jeu de couleurs&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Font:</source>
        <translation>&amp;Police&#xa0;:</translation>
    </message>
    <message>
        <source>Font size</source>
        <translation>Taille de police</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> pt</translation>
    </message>
    <message>
        <source>Scroll&amp;back:</source>
        <translation>&amp;Historique&#xa0;:</translation>
    </message>
    <message>
        <source>Lines kept above the visible screen. 0 keeps none.</source>
        <translation>Lignes conservées au-dessus de l’écran visible. 0 n’en conserve aucune.</translation>
    </message>
    <message>
        <source>Unlimited</source>
        <translation>Illimité</translation>
    </message>
    <message>
        <source> lines</source>
        <translation> lignes</translation>
    </message>
    <message>
        <source>A lone Ctrl-D detaches (like lap); off: Ctrl-D goes to the remote shell</source>
        <translation>Un Ctrl-D seul détache (comme lap)&#xa0;; désactivé&#xa0;: Ctrl-D est envoyé au shell distant</translation>
    </message>
    <message>
        <source>Bracketed paste (the remote program can tell pasted text from typing)</source>
        <translation>Collage délimité (le programme distant distingue le texte collé de la saisie)</translation>
    </message>
    <message>
        <source>Copy selected text to the clipboard automatically</source>
        <translation>Copier automatiquement le texte sélectionné dans le presse-papiers</translation>
    </message>
    <message>
        <source>Visual bell (flash the terminal instead of beeping)</source>
        <translation>Sonnerie visuelle (le terminal clignote au lieu de biper)</translation>
    </message>
    <message>
        <source>Make links in the output clickable</source>
        <translation>Rendre cliquables les liens de la sortie</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <source>&amp;Give up starting after:</source>
        <translation>&amp;Abandonner le démarrage après&#xa0;:</translation>
    </message>
    <message>
        <source>How long to wait for a new session to become ready. The platform itself fails a start after 600 s.</source>
        <translation>Durée d’attente avant qu’une nouvelle session soit prête. La plateforme elle-même fait échouer un démarrage après 600 s.</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>TTY &amp;fallback URL:</source>
        <translation>URL TTY de &amp;secours&#xa0;:</translation>
    </message>
    <message>
        <source>Used when the platform returns neither a tty_url nor a reachable sandbox_url (like LAP_TTY_FALLBACK).</source>
        <translation>Utilisée quand la plateforme ne renvoie ni tty_url ni sandbox_url joignable (comme LAP_TTY_FALLBACK).</translation>
    </message>
    <message>
        <source>ws://host:port/tty (optional)</source>
        <translation>ws://hôte:port/tty (facultatif)</translation>
    </message>
    <message>
        <source>&amp;CA certificates:</source>
        <translation>Certificats d’&amp;AC&#xa0;:</translation>
    </message>
    <message>
        <source>A PEM file with extra certificate authorities to trust for the platform, e.g. a company CA.</source>
        <translation>Un fichier PEM contenant des autorités de certification supplémentaires à approuver pour la plateforme, par exemple l’AC de votre entreprise.</translation>
    </message>
    <message>
        <source>System certificates only</source>
        <translation>Certificats du système uniquement</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Parcourir…</translation>
    </message>
    <message>
        <source>&amp;Keep sessions alive while the terminal is in use</source>
        <translation>&amp;Maintenir les sessions actives tant que le terminal est utilisé</translation>
    </message>
    <message>
        <source>The platform ends a terminal session 15 minutes after it became ready, even while you type in it. With this on, LAP Desktop tells the platform the session is in use while you type.</source>
        <translation>La plateforme met fin à une session de terminal 15 minutes après qu’elle est devenue prête, même si vous êtes en train d’y taper. Avec cette option, LAP Desktop signale à la plateforme que la session est utilisée pendant que vous tapez.</translation>
    </message>
    <message>
        <source>&amp;Reconnect automatically when the connection drops</source>
        <translation>&amp;Reconnecter automatiquement quand la connexion est perdue</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in to the LiteLLM Agent Platform</source>
        <translation>Se connecter à LiteLLM Agent Platform</translation>
    </message>
    <message>
        <source>Enter the address of your platform and its master key. The key is checked with the platform, then kept in your system keychain — never in a file.</source>
        <translation>Saisissez l’adresse de votre plateforme et sa clé maîtresse. La clé est vérifiée auprès de la plateforme, puis conservée dans le trousseau de votre système — jamais dans un fichier.</translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation>P&amp;rofil&#xa0;:</translation>
    </message>
    <message>
        <source>A name for this platform. Pick a saved one or type a new name to add another platform.</source>
        <translation>Un nom pour cette plateforme. Choisissez-en un enregistré ou saisissez un nouveau nom pour ajouter une autre plateforme.</translation>
    </message>
    <message>
        <source>Platform &amp;URL:</source>
        <translation>&amp;URL de la plateforme&#xa0;:</translation>
    </message>
    <message>
        <source>https://lap.example.com</source>
        <translation>https://lap.example.com</translation>
    </message>
    <message>
        <source>Master &amp;key:</source>
        <translation>&amp;Clé maîtresse&#xa0;:</translation>
    </message>
    <message>
        <source>sk-…</source>
        <translation>sk-…</translation>
    </message>
    <message>
        <source>&amp;Import lap CLI config…</source>
        <translation>&amp;Importer la configuration de la CLI lap…</translation>
    </message>
    <message>
        <source>Continue without saving (key kept in memory for this run)</source>
        <translation>Continuer sans enregistrer (clé gardée en mémoire pour cette exécution)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>TerminalFailurePage</name>
    <message>
        <source>What went wrong</source>
        <translation>Ce qui n’a pas fonctionné</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Que faire</translation>
    </message>
    <message>
        <source>Technical details</source>
        <translation>Détails techniques</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Copier les détails</translation>
    </message>
</context>
<context>
    <name>TerminalKeyConsentPage</name>
    <message>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>Send your master key to another platform?</source>
        <translation>Envoyer votre clé maître à une autre plateforme ?</translation>
    </message>
    <message>
        <source>Why you are asked</source>
        <translation>Pourquoi cette question</translation>
    </message>
    <message>
        <source>Don&apos;t send the master key</source>
        <translation>Ne pas envoyer la clé maître</translation>
    </message>
    <message>
        <source>Don&apos;t Send</source>
        <translation>Ne pas envoyer</translation>
    </message>
    <message>
        <source>Send the master key to this platform</source>
        <translation>Envoyer la clé maître à cette plateforme</translation>
    </message>
</context>
<context>
    <name>TerminalProgressPage</name>
    <message>
        <source>What is starting</source>
        <translation>Ce qui démarre</translation>
    </message>
    <message>
        <source>Start-up phases</source>
        <translation>Phases de démarrage</translation>
    </message>
    <message>
        <source>Time elapsed</source>
        <translation>Temps écoulé</translation>
    </message>
    <message>
        <source>Cancel opening</source>
        <translation>Annuler l’ouverture</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>lap</name>
    <message>
        <source>Saving the master key</source>
        <translation>Enregistrement de la clé maîtresse</translation>
    </message>
    <message>
        <source>Reading the master key</source>
        <translation>Lecture de la clé maîtresse</translation>
    </message>
    <message>
        <source>Removing the master key</source>
        <translation>Suppression de la clé maîtresse</translation>
    </message>
    <message>
        <source>The key will be kept in memory for this run only; install and start gnome-keyring or KWallet to save it.</source>
        <translation>La clé sera gardée en mémoire pour cette exécution seulement&#xa0;; installez et démarrez gnome-keyring ou KWallet pour l’enregistrer.</translation>
    </message>
    <message>
        <source>%1: no keychain is available (there is no D-Bus session bus).</source>
        <translation>%1&#xa0;: aucun trousseau n’est disponible (il n’y a pas de bus de session D-Bus).</translation>
    </message>
    <message>
        <source>%1: no keychain is available (no Secret Service provider such as GNOME Keyring or KWallet is running).</source>
        <translation>%1&#xa0;: aucun trousseau n’est disponible (aucun fournisseur Secret Service comme GNOME Keyring ou KWallet n’est lancé).</translation>
    </message>
    <message>
        <source>%1: the keychain is locked or access was denied.</source>
        <translation>%1&#xa0;: le trousseau est verrouillé ou l’accès a été refusé.</translation>
    </message>
    <message>
        <source>Unlock your login keyring, then sign in again.</source>
        <translation>Déverrouillez votre trousseau de session, puis reconnectez-vous.</translation>
    </message>
    <message>
        <source>%1: no master key is stored for this profile.</source>
        <translation>%1&#xa0;: aucune clé maîtresse n’est enregistrée pour ce profil.</translation>
    </message>
    <message>
        <source>Sign in again.</source>
        <translation>Reconnectez-vous.</translation>
    </message>
    <message>
        <source>%1: keychain error (%2).</source>
        <translation>%1&#xa0;: erreur du trousseau (%2).</translation>
    </message>
    <message>
        <source>Nothing was removed; sign out again once the keychain is back.</source>
        <translation>Rien n’a été supprimé&#xa0;; déconnectez-vous à nouveau quand le trousseau sera de retour.</translation>
    </message>
    <message>
        <source>%1 is not a lap CLI config (%2).</source>
        <translation>%1 n’est pas une configuration de la CLI lap (%2).</translation>
    </message>
    <message>
        <source>No lap CLI config at %1.</source>
        <translation>Aucune configuration de la CLI lap dans %1.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2.</source>
        <translation>Impossible de lire %1&#xa0;: %2.</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>pas un objet JSON</translation>
    </message>
    <message>
        <source>no &quot;base&quot; URL</source>
        <translation>pas d’URL «&#xa0;base&#xa0;»</translation>
    </message>
    <message>
        <source>no &quot;key&quot;</source>
        <translation>pas de «&#xa0;key&#xa0;»</translation>
    </message>
    <message>
        <source>&quot;base&quot; is not an http(s) URL</source>
        <translation>«&#xa0;base&#xa0;» n’est pas une URL http(s)</translation>
    </message>
    <message>
        <source>field &apos;%1&apos; should be %2</source>
        <translation>le champ «&#xa0;%1&#xa0;» devrait être %2</translation>
    </message>
    <message>
        <source>field &apos;%1&apos; is missing</source>
        <translation>le champ «&#xa0;%1&#xa0;» est absent</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>une chaîne</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true ou false</translation>
    </message>
    <message>
        <source>an integer</source>
        <translation>un entier</translation>
    </message>
    <message>
        <source>&lt;unnamed %1&gt;</source>
        <translation>&lt;sans nom %1&gt;</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>un tableau</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>un objet</translation>
    </message>
    <message>
        <source>the session list should be a JSON array</source>
        <translation>la liste des sessions devrait être un tableau JSON</translation>
    </message>
    <message>
        <source>%1 failed: no CA certificate could be read from %2.</source>
        <translation>%1 impossible&#xa0;: aucun certificat d’AC n’a pu être lu dans %2.</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>aucune raison donnée</translation>
    </message>
    <message>
        <source>Checking the session</source>
        <translation>Vérification de la session</translation>
    </message>
    <message>
        <source>The session failed to start: %1.</source>
        <translation>La session n’a pas pu démarrer&#xa0;: %1.</translation>
    </message>
    <message>
        <source>The session is %1: %2.</source>
        <translation>La session est %1&#xa0;: %2.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>The session did not become ready within %1 s (last phase: %2).</source>
        <translation>La session n’est pas devenue prête en %1 s (dernière phase&#xa0;: %2).</translation>
    </message>
    <message>
        <source>The platform keeps trying for up to 10 minutes and the session was left running: attach to it later, or raise the give-up time in Settings.</source>
        <translation>La plateforme continue d’essayer jusqu’à 10 minutes et la session a été laissée en cours&#xa0;: rattachez-vous-y plus tard, ou augmentez le délai d’abandon dans les paramètres.</translation>
    </message>
    <message>
        <source>It is still starting; try again in a moment.</source>
        <translation>Elle est encore en train de démarrer&#xa0;; réessayez dans un instant.</translation>
    </message>
    <message>
        <source>Open the agent again to start a new session.</source>
        <translation>Ouvrez à nouveau l’agent pour démarrer une nouvelle session.</translation>
    </message>
    <message>
        <source>The TTY fallback URL &apos;%1&apos; is not a ws:// or wss:// URL.</source>
        <translation>L’URL TTY de secours «&#xa0;%1&#xa0;» n’est pas une URL ws:// ou wss://.</translation>
    </message>
    <message>
        <source>Set it to ws://host:port/tty.</source>
        <translation>Donnez-lui la forme ws://hôte:port/tty.</translation>
    </message>
    <message>
        <source>Upgrade the platform, or set a TTY fallback URL (ws://host:port/tty) in Settings or in LAP_TTY_FALLBACK.</source>
        <translation>Mettez à jour la plateforme, ou définissez une URL TTY de secours (ws://hôte:port/tty) dans les paramètres ou dans LAP_TTY_FALLBACK.</translation>
    </message>
    <message>
        <source>session.sandbox_url is in-cluster (%1) and the platform did not return a tty_url.</source>
        <translation>session.sandbox_url est interne au cluster (%1) et la plateforme n’a pas renvoyé de tty_url.</translation>
    </message>
    <message>
        <source>The platform returned neither a tty_url nor a reachable sandbox_url.</source>
        <translation>La plateforme n’a renvoyé ni tty_url ni sandbox_url joignable.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a session id or a &lt;base&gt;/sessions/&lt;id&gt; URL.</source>
        <translation>«&#xa0;%1&#xa0;» n’est ni un identifiant de session ni une URL &lt;base&gt;/sessions/&lt;id&gt;.</translation>
    </message>
    <message>
        <source>The TTY fallback URL must start with ws:// or wss://, e.g. ws://127.0.0.1:4096/tty.</source>
        <translation>L’URL TTY de secours doit commencer par ws:// ou wss://, par exemple ws://127.0.0.1:4096/tty.</translation>
    </message>
    <message>
        <source>The TTY fallback URL has no host, e.g. ws://127.0.0.1:4096/tty.</source>
        <translation>L’URL TTY de secours n’a pas d’hôte, par exemple ws://127.0.0.1:4096/tty.</translation>
    </message>
    <message>
        <source>The CA file %1 does not exist.</source>
        <translation>Le fichier d’AC %1 n’existe pas.</translation>
    </message>
    <message>
        <source>The CA file %1 cannot be read.</source>
        <translation>Le fichier d’AC %1 ne peut pas être lu.</translation>
    </message>
    <message>
        <source>Choose a PEM file with the platform&apos;s CA certificate in Settings.</source>
        <translation>Choisissez dans les paramètres un fichier PEM contenant le certificat d’AC de la plateforme.</translation>
    </message>
    <message>
        <source>The CA file %1 holds no certificate (PEM or DER).</source>
        <translation>Le fichier d’AC %1 ne contient aucun certificat (PEM ou DER).</translation>
    </message>
    <message>
        <source>Cannot attach yet — the session is creating: still starting.</source>
        <translation>Rattachement pas encore possible — la session est en création&#xa0;: elle démarre encore.</translation>
    </message>
    <message>
        <source>Cannot attach yet — the session is creating: still starting (%1).</source>
        <translation>Rattachement pas encore possible — la session est en création&#xa0;: elle démarre encore (%1).</translation>
    </message>
    <message>
        <source>Cannot attach — the session is %1: the platform gave no reason.</source>
        <translation>Rattachement impossible — la session est %1&#xa0;: la plateforme n’a donné aucune raison.</translation>
    </message>
    <message>
        <source>Cannot attach — the session is %1: %2.</source>
        <translation>Rattachement impossible — la session est %1&#xa0;: %2.</translation>
    </message>
    <message>
        <source>The agent sent an event we cannot read: %1.</source>
        <translation>L’agent a envoyé un événement illisible : %1.</translation>
    </message>
    <message>
        <source>not JSON (%1)</source>
        <translation>pas du JSON (%1)</translation>
    </message>
    <message>
        <source>it has no type</source>
        <translation>il n’a pas de type</translation>
    </message>
    <message>
        <source>An event from the agent was larger than %1 MiB and was skipped.</source>
        <translation>Un événement de l’agent dépassait %1 Mio et a été ignoré.</translation>
    </message>
    <message>
        <source>An event from the agent was larger than %1 bytes and was skipped.</source>
        <translation>Un événement de l’agent dépassait %1 octets et a été ignoré.</translation>
    </message>
</context>
<context>
    <name>lap::AgentListModel</name>
    <message>
        <source>“%1” uses the %2 harness, which works in chat mode. LAP Desktop opens terminal (TUI) agents only; chat mode comes in a later version.</source>
        <translation>«&#xa0;%1&#xa0;» utilise le harness %2, qui fonctionne en mode discussion. LAP Desktop n’ouvre que les agents en terminal (TUI)&#xa0;; le mode discussion arrivera dans une version ultérieure.</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>Terminal</translation>
    </message>
    <message>
        <source>Chat — not supported yet</source>
        <translation>Discussion — pas encore prise en charge</translation>
    </message>
    <message>
        <source>%1 · active</source>
        <translation>%1 · active</translation>
    </message>
    <message>
        <source>id: %1</source>
        <translation>id&#xa0;: %1</translation>
    </message>
    <message>
        <source>model: %1</source>
        <translation>modèle&#xa0;: %1</translation>
    </message>
    <message>
        <source>repository: %1</source>
        <translation>dépôt&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n session; it is ready or starting.</source>
        <translation>
            <numerusform>%n session&#xa0;; elle est prête ou en cours de démarrage.</numerusform>
            <numerusform>%n sessions&#xa0;; elles sont prêtes ou en cours de démarrage.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sessions; at least one is ready or starting.</source>
        <translation>
            <numerusform>%n session&#xa0;; elle est prête ou en cours de démarrage.</numerusform>
            <numerusform>%n sessions&#xa0;; au moins une est prête ou en cours de démarrage.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n session; not active.</source>
        <translation>
            <numerusform>%n session&#xa0;; inactive.</numerusform>
            <numerusform>%n sessions&#xa0;; inactives.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sessions; none is active.</source>
        <translation>
            <numerusform>%n session&#xa0;; aucune n’est active.</numerusform>
            <numerusform>%n sessions&#xa0;; aucune n’est active.</numerusform>
        </translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Harness</source>
        <translation>Harness</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sessions</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créé</translation>
    </message>
    <message numerus="yes">
        <source>%n agent</source>
        <translation>
            <numerusform>%n agent</numerusform>
            <numerusform>%n agents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n agents</source>
        <translation>
            <numerusform>%n agent</numerusform>
            <numerusform>%n agents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n agent matching “%1”</source>
        <translation>
            <numerusform>%n agent correspond à «&#xa0;%1&#xa0;»</numerusform>
            <numerusform>%n agents correspondent à «&#xa0;%1&#xa0;»</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n agents matching “%1”</source>
        <translation>
            <numerusform>%n agent correspond à «&#xa0;%1&#xa0;»</numerusform>
            <numerusform>%n agents correspondent à «&#xa0;%1&#xa0;»</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lap::AgentPicker</name>
    <message>
        <source>Open an agent — %1</source>
        <translation>Ouvrir un agent — %1</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Ouvrir</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Recherche…</translation>
    </message>
    <message>
        <source>Loading agents from %1…</source>
        <translation>Chargement des agents depuis %1…</translation>
    </message>
    <message>
        <source>Loading agents…</source>
        <translation>Chargement des agents…</translation>
    </message>
    <message>
        <source>Searching for “%1”…</source>
        <translation>Recherche de «&#xa0;%1&#xa0;»…</translation>
    </message>
    <message>
        <source>There are no agents on %1 yet. Create one in the platform&apos;s web UI, then press Retry.</source>
        <translation>Il n’y a encore aucun agent sur %1. Créez-en un dans l’interface web de la plateforme, puis cliquez sur Réessayer.</translation>
    </message>
    <message>
        <source>No agent matches “%1”.</source>
        <translation>Aucun agent ne correspond à «&#xa0;%1&#xa0;».</translation>
    </message>
</context>
<context>
    <name>lap::AttachDialog</name>
    <message>
        <source>Attach to a session — %1</source>
        <translation>Se rattacher à une session — %1</translation>
    </message>
    <message>
        <source>&amp;Attach</source>
        <translation>&amp;Rattacher</translation>
    </message>
    <message>
        <source>All agents</source>
        <translation>Tous les agents</translation>
    </message>
    <message>
        <source>Loading sessions from %1…</source>
        <translation>Chargement des sessions depuis %1…</translation>
    </message>
    <message>
        <source>Loading sessions…</source>
        <translation>Chargement des sessions…</translation>
    </message>
    <message>
        <source>The newest %1 sessions (the platform lists no more)</source>
        <translation>Les %1 sessions les plus récentes (la plateforme n’en liste pas davantage)</translation>
    </message>
    <message>
        <source>There are no sessions on %1. Open an agent to start one.</source>
        <translation>Il n’y a aucune session sur %1. Ouvrez un agent pour en démarrer une.</translation>
    </message>
    <message>
        <source>“%1” has no sessions.</source>
        <translation>«&#xa0;%1&#xa0;» n’a aucune session.</translation>
    </message>
    <message>
        <source>This session is under %1: LAP Desktop attaches there for this tab only.</source>
        <translation>Cette session se trouve sous %1&#xa0;: LAP Desktop s’y connecte pour cet onglet uniquement.</translation>
    </message>
    <message>
        <source>This session is on %1: the tab uses the key of your profile “%2”.</source>
        <translation>Cette session se trouve sur %1&#xa0;: l’onglet utilise la clé de votre profil «&#xa0;%2&#xa0;».</translation>
    </message>
    <message>
        <source>This session is on %1, not on %2: the tab asks before it sends your master key there.</source>
        <translation>Cette session se trouve sur %1, pas sur %2&#xa0;: l’onglet demande avant d’y envoyer votre clé maîtresse.</translation>
    </message>
</context>
<context>
    <name>lap::LaunchOptions</name>
    <message>
        <source>Terminal tabs on LiteLLM Agent Platform sandboxes.

Environment: LAP_BASE_URL and LAP_MASTER_KEY sign in for this run without the keychain; LAP_TTY_FALLBACK and LAP_TTY_TOKEN work as in the lap CLI.</source>
        <translation>Onglets de terminal sur les bacs à sable de LiteLLM Agent Platform.

Environnement&#xa0;: LAP_BASE_URL et LAP_MASTER_KEY connectent pour cette exécution sans le trousseau&#xa0;; LAP_TTY_FALLBACK et LAP_TTY_TOKEN fonctionnent comme dans la CLI lap.</translation>
    </message>
    <message>
        <source>Agent names or ids to open, one tab each.</source>
        <translation>Noms ou identifiants des agents à ouvrir, un onglet chacun.</translation>
    </message>
    <message>
        <source>Open a new session of &lt;agent&gt; (name or id).</source>
        <translation>Ouvrir une nouvelle session de &lt;agent&gt; (nom ou identifiant).</translation>
    </message>
    <message>
        <source>agent</source>
        <translation>agent</translation>
    </message>
    <message>
        <source>Attach to an existing session, by id or &lt;base&gt;/sessions/&lt;id&gt; URL.</source>
        <translation>Se rattacher à une session existante, par identifiant ou URL &lt;base&gt;/sessions/&lt;id&gt;.</translation>
    </message>
    <message>
        <source>session</source>
        <translation>session</translation>
    </message>
    <message>
        <source>Use the saved platform profile &lt;name&gt;.</source>
        <translation>Utiliser le profil de plateforme enregistré &lt;nom&gt;.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nom</translation>
    </message>
    <message>
        <source>LAP_BASE_URL and LAP_MASTER_KEY must be set together.</source>
        <translation>LAP_BASE_URL et LAP_MASTER_KEY doivent être définies ensemble.</translation>
    </message>
    <message>
        <source>Set both to sign in from the environment, or neither to use a saved profile.</source>
        <translation>Définissez les deux pour vous connecter depuis l’environnement, ou aucune pour utiliser un profil enregistré.</translation>
    </message>
    <message>
        <source>LAP_BASE_URL is not usable: %1</source>
        <translation>LAP_BASE_URL est inutilisable&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>lap::MainWindow</name>
    <message>
        <source>LAP Desktop</source>
        <translation>LAP Desktop</translation>
    </message>
    <message>
        <source>Open agent…</source>
        <translation>Ouvrir un agent…</translation>
    </message>
    <message>
        <source>Attach to session…</source>
        <translation>Se rattacher à une session…</translation>
    </message>
    <message>
        <source>&amp;Open Agent…</source>
        <translation>&amp;Ouvrir un agent…</translation>
    </message>
    <message>
        <source>&amp;Attach to Session…</source>
        <translation>Se rattac&amp;her à une session…</translation>
    </message>
    <message>
        <source>&amp;Reconnect</source>
        <translation>&amp;Reconnecter</translation>
    </message>
    <message>
        <source>Reconnect &amp;All Dropped</source>
        <translation>Reconnecter &amp;toutes les sessions perdues</translation>
    </message>
    <message>
        <source>&amp;Detach</source>
        <translation>&amp;Détacher</translation>
    </message>
    <message>
        <source>&amp;Close Tab</source>
        <translation>&amp;Fermer l’onglet</translation>
    </message>
    <message>
        <source>Closes the tab and detaches; the session keeps running on the platform</source>
        <translation>Ferme l’onglet et détache&#xa0;; la session continue sur la plateforme</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>C&amp;oller</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Rechercher…</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>Zoom &amp;avant</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Zoom a&amp;rrière</translation>
    </message>
    <message>
        <source>&amp;Reset Zoom</source>
        <translation>&amp;Taille normale</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <source>Sign &amp;In / Switch Platform…</source>
        <translation>Se &amp;connecter / changer de plateforme…</translation>
    </message>
    <message>
        <source>Sign &amp;Out</source>
        <translation>Se &amp;déconnecter</translation>
    </message>
    <message>
        <source>&amp;Hide Window</source>
        <translation>&amp;Masquer la fenêtre</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>Next Tab</source>
        <translation>Onglet suivant</translation>
    </message>
    <message>
        <source>Previous Tab</source>
        <translation>Onglet précédent</translation>
    </message>
    <message>
        <source>&amp;Session</source>
        <translation>&amp;Session</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Platform</source>
        <translation>&amp;Plateforme</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <source>&amp;About LAP Desktop</source>
        <translation>À &amp;propos de LAP Desktop</translation>
    </message>
    <message>
        <source>About LAP Desktop</source>
        <translation>À propos de LAP Desktop</translation>
    </message>
    <message>
        <source>&lt;h3&gt;LAP Desktop %1&lt;/h3&gt;&lt;p&gt;Terminal tabs on LiteLLM Agent Platform sandboxes.&lt;/p&gt;&lt;p&gt;Licensed under the GNU General Public License, version 2 or later.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;LAP Desktop %1&lt;/h3&gt;&lt;p&gt;Onglets de terminal sur les bacs à sable de LiteLLM Agent Platform.&lt;/p&gt;&lt;p&gt;Distribué sous la licence publique générale GNU, version 2 ou ultérieure.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>No open sessions</source>
        <translation>Aucune session ouverte</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation>Reconnecter</translation>
    </message>
    <message>
        <source>No saved platform profile named &apos;%1&apos;.</source>
        <translation>Aucun profil de plateforme enregistré nommé «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>Reading the master key for %1 from the keychain…</source>
        <translation>Lecture de la clé maîtresse de %1 dans le trousseau…</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Close tab — detaches; the session keeps running on the platform</source>
        <translation>Fermer l’onglet — détache&#xa0;; la session continue sur la plateforme</translation>
    </message>
    <message>
        <source>%1
%2: %3</source>
        <translation>%1
%2&#xa0;: %3</translation>
    </message>
    <message>
        <source>&amp;Show Window</source>
        <translation>&amp;Afficher la fenêtre</translation>
    </message>
    <message>
        <source>Signed in to %1.
Open an agent to get a terminal on a new sandbox, or attach to a running session.</source>
        <translation>Connecté à %1.
Ouvrez un agent pour obtenir un terminal sur un nouveau bac à sable, ou rattachez-vous à une session en cours.</translation>
    </message>
    <message>
        <source>Not signed in.</source>
        <translation>Non connecté.</translation>
    </message>
    <message numerus="yes">
        <source>LAP Desktop — %n session(s) connected</source>
        <translation>
            <numerusform>LAP Desktop — %n session connectée</numerusform>
            <numerusform>LAP Desktop — %n sessions connectées</numerusform>
        </translation>
    </message>
    <message>
        <source>The master key is kept in memory for this run only: no keychain is available.</source>
        <translation>La clé maîtresse est gardée en mémoire pour cette exécution seulement&#xa0;: aucun trousseau n’est disponible.</translation>
    </message>
    <message>
        <source>Sign Out</source>
        <translation>Se déconnecter</translation>
    </message>
    <message>
        <source>Signed out: the master key of &apos;%1&apos; was removed from the keychain.</source>
        <translation>Déconnecté&#xa0;: la clé maîtresse de «&#xa0;%1&#xa0;» a été supprimée du trousseau.</translation>
    </message>
    <message>
        <source>LAP Desktop is still running</source>
        <translation>LAP Desktop est toujours en cours d’exécution</translation>
    </message>
    <message>
        <source>Your sessions stay connected. Use the tray icon to show the window, or Quit to detach them all.</source>
        <translation>Vos sessions restent connectées. Utilisez l’icône de la zone de notification pour afficher la fenêtre, ou Quitter pour toutes les détacher.</translation>
    </message>
    <message>
        <source>&amp;Terminate Session…</source>
        <translation>&amp;Terminer la session…</translation>
    </message>
    <message>
        <source>%1 stopped</source>
        <translation>%1 s’est arrêté</translation>
    </message>
    <message>
        <source>Terminate Session</source>
        <translation>Terminer la session</translation>
    </message>
    <message>
        <source>Bell in %1</source>
        <translation>Sonnerie dans %1</translation>
    </message>
    <message>
        <source>Terminate session %1 of %2?</source>
        <translation>Terminer la session %1 de %2&#xa0;?</translation>
    </message>
    <message>
        <source>This stops the sandbox for everyone attached to it; its shell, files and the agent&apos;s state are lost. Closing the tab instead only detaches.</source>
        <translation>Cela arrête le bac à sable pour tous ceux qui y sont rattachés&#xa0;; son shell, ses fichiers et l’état de l’agent sont perdus. Fermer l’onglet, en revanche, ne fait que détacher.</translation>
    </message>
    <message>
        <source>Terminate</source>
        <translation>Terminer</translation>
    </message>
</context>
<context>
    <name>lap::PlatformRequests</name>
    <message>
        <source>Enter the platform URL, for example https://lap.example.com.</source>
        <translation>Saisissez l’URL de la plateforme, par exemple https://lap.example.com.</translation>
    </message>
    <message>
        <source>The platform URL must start with http:// or https://.</source>
        <translation>L’URL de la plateforme doit commencer par http:// ou https://.</translation>
    </message>
    <message>
        <source>The platform URL has no host name.</source>
        <translation>L’URL de la plateforme n’a pas de nom d’hôte.</translation>
    </message>
    <message>
        <source>The platform URL must not contain a user name or password.</source>
        <translation>L’URL de la plateforme ne doit contenir ni nom d’utilisateur ni mot de passe.</translation>
    </message>
    <message>
        <source>The platform URL must not contain &apos;?&apos; or &apos;#&apos;.</source>
        <translation>L’URL de la plateforme ne doit contenir ni «&#xa0;?&#xa0;» ni «&#xa0;#&#xa0;».</translation>
    </message>
    <message>
        <source>Listing agents</source>
        <translation>Liste des agents</translation>
    </message>
    <message>
        <source>Looking up the agent</source>
        <translation>Recherche de l’agent</translation>
    </message>
    <message>
        <source>Creating the session</source>
        <translation>Création de la session</translation>
    </message>
    <message>
        <source>Fetching the session</source>
        <translation>Récupération de la session</translation>
    </message>
    <message>
        <source>Listing sessions</source>
        <translation>Liste des sessions</translation>
    </message>
    <message>
        <source>Deleting the session</source>
        <translation>Suppression de la session</translation>
    </message>
    <message>
        <source>Refreshing the session</source>
        <translation>Actualisation de la session</translation>
    </message>
    <message>
        <source>%1 failed: no platform URL is set.</source>
        <translation>%1 impossible&#xa0;: aucune URL de plateforme n’est définie.</translation>
    </message>
    <message>
        <source>Sign in with the platform URL and master key.</source>
        <translation>Connectez-vous avec l’URL de la plateforme et la clé maîtresse.</translation>
    </message>
</context>
<context>
    <name>lap::RemoteTerminal</name>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>C&amp;oller</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Rechercher…</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>Zoom &amp;avant</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Zoom a&amp;rrière</translation>
    </message>
    <message>
        <source>&amp;Reset Zoom</source>
        <translation>&amp;Taille normale</translation>
    </message>
</context>
<context>
    <name>lap::ReplyErrors</name>
    <message>
        <source>(+%1 more)</source>
        <translation>(+%1 autres)</translation>
    </message>
    <message>
        <source>Check that the platform URL points to a LiteLLM Agent Platform.</source>
        <translation>Vérifiez que l’URL de la plateforme désigne bien une LiteLLM Agent Platform.</translation>
    </message>
    <message>
        <source>The platform or a proxy in between may be overloaded; try again.</source>
        <translation>La plateforme ou un proxy intermédiaire est peut-être surchargé&#xa0;; réessayez.</translation>
    </message>
    <message>
        <source>%1 failed: %2 is limiting the rate of requests (HTTP 429).</source>
        <translation>%1 impossible&#xa0;: %2 limite le débit des requêtes (HTTP 429).</translation>
    </message>
    <message>
        <source>Wait %1 s and try again.</source>
        <translation>Attendez %1 s et réessayez.</translation>
    </message>
    <message>
        <source>Wait a moment and try again.</source>
        <translation>Attendez un instant et réessayez.</translation>
    </message>
    <message>
        <source>%1 failed: master key rejected by %2 (HTTP %3).</source>
        <translation>%1 impossible&#xa0;: clé maîtresse refusée par %2 (HTTP %3).</translation>
    </message>
    <message>
        <source>Sign in again with a valid master key.</source>
        <translation>Reconnectez-vous avec une clé maîtresse valide.</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>introuvable</translation>
    </message>
    <message>
        <source>%1 failed: %2 (HTTP %3).</source>
        <translation>%1 impossible&#xa0;: %2 (HTTP %3).</translation>
    </message>
    <message>
        <source>%1 failed: the platform rejected the request (HTTP %2).</source>
        <translation>%1 impossible&#xa0;: la plateforme a refusé la requête (HTTP %2).</translation>
    </message>
    <message>
        <source>%1 failed: the platform rejected the request (HTTP %2): %3.</source>
        <translation>%1 impossible&#xa0;: la plateforme a refusé la requête (HTTP %2)&#xa0;: %3.</translation>
    </message>
    <message>
        <source>conflict</source>
        <translation>conflit</translation>
    </message>
    <message>
        <source>%1 failed: server error (HTTP %2).</source>
        <translation>%1 impossible&#xa0;: erreur du serveur (HTTP %2).</translation>
    </message>
    <message>
        <source>%1 failed: server error (HTTP %2): %3</source>
        <translation>%1 impossible&#xa0;: erreur du serveur (HTTP %2)&#xa0;: %3</translation>
    </message>
    <message>
        <source>The platform had a problem; try again in a moment.</source>
        <translation>La plateforme a rencontré un problème&#xa0;; réessayez dans un instant.</translation>
    </message>
    <message>
        <source>%1 failed: %2 redirected to another site (%3); the master key was not sent there.</source>
        <translation>%1 impossible&#xa0;: %2 a redirigé vers un autre site (%3)&#xa0;; la clé maîtresse n’y a pas été envoyée.</translation>
    </message>
    <message>
        <source>If that site is the platform, use its address as the platform URL.</source>
        <translation>Si ce site est la plateforme, utilisez son adresse comme URL de la plateforme.</translation>
    </message>
    <message>
        <source>%1 failed: the reply from %2 is larger than %3 MB, so it was not read.</source>
        <translation>%1 impossible&#xa0;: la réponse de %2 dépasse %3 Mo, elle n’a donc pas été lue.</translation>
    </message>
    <message>
        <source>%1 failed: %2 sent its reply too slowly (not complete after %3 s).</source>
        <translation>%1 impossible&#xa0;: %2 a envoyé sa réponse trop lentement (incomplète après %3 s).</translation>
    </message>
    <message>
        <source>%1 failed: %2 stopped sending its reply (nothing more for %3 s).</source>
        <translation>%1 impossible&#xa0;: %2 a cessé d’envoyer sa réponse (plus rien depuis %3 s).</translation>
    </message>
    <message>
        <source>%1 failed: %2 did not answer within %3 s.</source>
        <translation>%1 impossible&#xa0;: %2 n’a pas répondu dans les %3 s.</translation>
    </message>
    <message>
        <source>The platform may be overloaded or unreachable; try again.</source>
        <translation>La plateforme est peut-être surchargée ou injoignable&#xa0;; réessayez.</translation>
    </message>
    <message>
        <source>%1 failed: TLS error talking to %2 (%3).</source>
        <translation>%1 impossible&#xa0;: erreur TLS en communiquant avec %2 (%3).</translation>
    </message>
    <message>
        <source>Check the server certificate, or choose its CA file in Settings.</source>
        <translation>Vérifiez le certificat du serveur, ou choisissez son fichier d’AC dans les paramètres.</translation>
    </message>
    <message>
        <source>%1 failed: cannot reach %2 (%3).</source>
        <translation>%1 impossible&#xa0;: %2 est injoignable (%3).</translation>
    </message>
    <message>
        <source>Check the platform URL and that the platform is running.</source>
        <translation>Vérifiez l’URL de la plateforme et que celle-ci est en marche.</translation>
    </message>
    <message>
        <source>%1 failed: the platform sent an unexpected reply (%2).</source>
        <translation>%1 impossible&#xa0;: la plateforme a envoyé une réponse inattendue (%2).</translation>
    </message>
    <message>
        <source>the reply is empty</source>
        <translation>la réponse est vide</translation>
    </message>
    <message>
        <source>an HTML page instead of JSON</source>
        <translation>une page HTML au lieu de JSON</translation>
    </message>
    <message>
        <source>an HTML page instead of JSON: %1</source>
        <translation>une page HTML au lieu de JSON&#xa0;: %1</translation>
    </message>
    <message>
        <source>the reply is not JSON: %1 at offset %2</source>
        <translation>la réponse n’est pas du JSON&#xa0;: %1 à la position %2</translation>
    </message>
    <message>
        <source>the reply should be a JSON object</source>
        <translation>la réponse devrait être un objet JSON</translation>
    </message>
    <message>
        <source>Check the spelling (names are case-sensitive) or use the agent&apos;s id.</source>
        <translation>Vérifiez l’orthographe (les noms respectent la casse) ou utilisez l’identifiant de l’agent.</translation>
    </message>
    <message>
        <source>No agent named &apos;%1&apos; on %2.</source>
        <translation>Aucun agent nommé «&#xa0;%1&#xa0;» sur %2.</translation>
    </message>
    <message>
        <source>No agent named &apos;%1&apos; on %2 — the platform has no agents.</source>
        <translation>Aucun agent nommé «&#xa0;%1&#xa0;» sur %2 — la plateforme n’a aucun agent.</translation>
    </message>
    <message>
        <source>Create an agent on the platform first.</source>
        <translation>Créez d’abord un agent sur la plateforme.</translation>
    </message>
    <message numerus="yes">
        <source>%n agent(s) available</source>
        <translation>
            <numerusform>%n agent disponible</numerusform>
            <numerusform>%n agents disponibles</numerusform>
        </translation>
    </message>
    <message>
        <source>No agent named &apos;%1&apos; on %2 — %3: %4.</source>
        <translation>Aucun agent nommé «&#xa0;%1&#xa0;» sur %2 — %3&#xa0;: %4.</translation>
    </message>
    <message>
        <source>Enter an agent name or id.</source>
        <translation>Saisissez un nom ou un identifiant d’agent.</translation>
    </message>
</context>
<context>
    <name>lap::SessionListModel</name>
    <message>
        <source>&lt; 1 min</source>
        <translation>&lt; 1 min</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 j</translation>
    </message>
    <message>
        <source>Open its agent again for a new session.</source>
        <translation>Rouvrez son agent pour une nouvelle session.</translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation>il y a %1</translation>
    </message>
    <message>
        <source>agent id: %1</source>
        <translation>identifiant de l’agent&#xa0;: %1</translation>
    </message>
    <message>
        <source>created %1</source>
        <translation>créée le %1</translation>
    </message>
    <message>
        <source>last seen by the platform %1</source>
        <translation>vue pour la dernière fois par la plateforme le %1</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Âge</translation>
    </message>
    <message>
        <source>Last activity</source>
        <translation>Dernière activité</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Session</translation>
    </message>
    <message numerus="yes">
        <source>%n session</source>
        <translation>
            <numerusform>%n session</numerusform>
            <numerusform>%n sessions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sessions</source>
        <translation>
            <numerusform>%n session</numerusform>
            <numerusform>%n sessions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n session of “%1”</source>
        <translation>
            <numerusform>%n session de «&#xa0;%1&#xa0;»</numerusform>
            <numerusform>%n sessions de «&#xa0;%1&#xa0;»</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sessions of “%1”</source>
        <translation>
            <numerusform>%n session de «&#xa0;%1&#xa0;»</numerusform>
            <numerusform>%n sessions de «&#xa0;%1&#xa0;»</numerusform>
        </translation>
    </message>
    <message>
        <source>Refresh when it is ready.</source>
        <translation>Actualisez quand elle sera prête.</translation>
    </message>
</context>
<context>
    <name>lap::SettingsDialog</name>
    <message>
        <source>Choose CA certificates</source>
        <translation>Choisir les certificats d’AC</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Certificats PEM (*.pem *.crt *.cer);;Tous les fichiers (*)</translation>
    </message>
</context>
<context>
    <name>lap::SignInDialog</name>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Se connecter</translation>
    </message>
    <message>
        <source>Hide key</source>
        <translation>Masquer la clé</translation>
    </message>
    <message>
        <source>Show key</source>
        <translation>Afficher la clé</translation>
    </message>
    <message>
        <source>Imported %1. Sign in to check the key and keep it in the keychain.</source>
        <translation>%1 importé. Connectez-vous pour vérifier la clé et la conserver dans le trousseau.</translation>
    </message>
    <message>
        <source>Found a lap CLI config at %1.</source>
        <translation>Configuration de la CLI lap trouvée dans %1.</translation>
    </message>
    <message>
        <source>Used the lap command-line tool? Import its config file.</source>
        <translation>Vous utilisiez l’outil en ligne de commande lap&#xa0;? Importez son fichier de configuration.</translation>
    </message>
    <message>
        <source>Import lap CLI config</source>
        <translation>Importer la configuration de la CLI lap</translation>
    </message>
    <message>
        <source>lap config (config.json);;JSON files (*.json);;All files (*)</source>
        <translation>Configuration lap (config.json);;Fichiers JSON (*.json);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Enter a name for this profile, e.g. default.</source>
        <translation>Saisissez un nom pour ce profil, par exemple default.</translation>
    </message>
    <message>
        <source>Enter the platform URL, e.g. https://lap.example.com.</source>
        <translation>Saisissez l’URL de la plateforme, par exemple https://lap.example.com.</translation>
    </message>
    <message>
        <source>Enter the master key.</source>
        <translation>Saisissez la clé maîtresse.</translation>
    </message>
    <message>
        <source>Checking the key with %1…</source>
        <translation>Vérification de la clé auprès de %1…</translation>
    </message>
    <message>
        <source>Saving the key in the keychain…</source>
        <translation>Enregistrement de la clé dans le trousseau…</translation>
    </message>
    <message>
        <source>Delete lap CLI config</source>
        <translation>Supprimer la configuration de la CLI lap</translation>
    </message>
    <message>
        <source>Delete %1? It holds your master key in plain text.</source>
        <translation>Supprimer %1&#xa0;? Il contient votre clé maîtresse en clair.</translation>
    </message>
    <message>
        <source>The key is now in the keychain. The lap command-line tool reads this file too and will ask you to log in again.</source>
        <translation>La clé est maintenant dans le trousseau. L’outil en ligne de commande lap lit aussi ce fichier et vous demandera de vous reconnecter.</translation>
    </message>
    <message>
        <source>The key was not saved in a keychain: after deleting the file you will have to enter it again next time. The lap command-line tool will ask you to log in again too.</source>
        <translation>La clé n’a été enregistrée dans aucun trousseau&#xa0;: après la suppression du fichier, vous devrez la saisir à nouveau la prochaine fois. L’outil en ligne de commande lap vous demandera aussi de vous reconnecter.</translation>
    </message>
    <message>
        <source>Could not delete %1: %2. Delete it yourself; it holds your master key in plain text.</source>
        <translation>Impossible de supprimer %1&#xa0;: %2. Supprimez-le vous-même&#xa0;; il contient votre clé maîtresse en clair.</translation>
    </message>
</context>
<context>
    <name>lap::TerminalTab</name>
    <message>
        <source>Opening</source>
        <translation>Ouverture</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Connecté</translation>
    </message>
    <message>
        <source>Reconnecting</source>
        <translation>Reconnexion</translation>
    </message>
    <message>
        <source>Detached</source>
        <translation>Détaché</translation>
    </message>
    <message>
        <source>Agent exited</source>
        <translation>Agent arrêté</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <source>New session</source>
        <translation>Nouvelle session</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Fetching the session</source>
        <translation>Récupération de la session</translation>
    </message>
    <message>
        <source>Starting the session</source>
        <translation>Démarrage de la session</translation>
    </message>
    <message>
        <source>Opening was cancelled.</source>
        <translation>L’ouverture a été annulée.</translation>
    </message>
    <message>
        <source>Session %1 may still be starting on the platform; attach to it later or terminate it.</source>
        <translation>La session %1 est peut-être encore en train de démarrer sur la plateforme&#xa0;; rattachez-vous-y plus tard ou arrêtez-la.</translation>
    </message>
    <message>
        <source>Attaching to session %1…</source>
        <translation>Rattachement à la session %1…</translation>
    </message>
    <message>
        <source>Starting %1…</source>
        <translation>Démarrage de %1…</translation>
    </message>
    <message>
        <source>requesting a sandbox</source>
        <translation>demande d’un bac à sable</translation>
    </message>
    <message>
        <source>%1 s elapsed</source>
        <translation>%1 s écoulées</translation>
    </message>
    <message>
        <source> · session %1</source>
        <translation> · session %1</translation>
    </message>
    <message>
        <source>Connecting to %1</source>
        <translation>Connexion à %1</translation>
    </message>
    <message>
        <source>Connected to session %1</source>
        <translation>Connecté à la session %1</translation>
    </message>
    <message numerus="yes">
        <source>Reconnecting… keystrokes are not being sent (%n byte(s) dropped).</source>
        <translation>
            <numerusform>Reconnexion… les frappes ne sont pas envoyées (%n octet perdu).</numerusform>
            <numerusform>Reconnexion… les frappes ne sont pas envoyées (%n octets perdus).</numerusform>
        </translation>
    </message>
    <message>
        <source>Detached; the session keeps running on the platform</source>
        <translation>Détaché&#xa0;; la session continue sur la plateforme</translation>
    </message>
    <message>
        <source>Checking session %1</source>
        <translation>Vérification de la session %1</translation>
    </message>
    <message>
        <source>The session is %1.</source>
        <translation>La session est %1.</translation>
    </message>
    <message>
        <source>%1 Automatic reconnect is off: use Session ▸ Reconnect.</source>
        <translation>%1 La reconnexion automatique est désactivée&#xa0;: utilisez Session ▸ Reconnecter.</translation>
    </message>
    <message>
        <source>%1 Reconnecting in %2 s… keystrokes are not being sent.</source>
        <translation>%1 Reconnexion dans %2 s… les frappes ne sont pas envoyées.</translation>
    </message>
    <message>
        <source>Detached — the session keeps running on the platform. Press Enter to reattach.</source>
        <translation>Détaché — la session continue sur la plateforme. Appuyez sur Entrée pour vous rattacher.</translation>
    </message>
    <message>
        <source>%1 Press Enter to start it again.</source>
        <translation>%1 Appuyez sur Entrée pour le relancer.</translation>
    </message>
    <message>
        <source>%1 Checking the session…</source>
        <translation>%1 Vérification de la session…</translation>
    </message>
    <message>
        <source>Open the agent again to start a new session.</source>
        <translation>Ouvrez à nouveau l’agent pour démarrer une nouvelle session.</translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation>Reconnecter</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Open agent again</source>
        <translation>Rouvrir l’agent</translation>
    </message>
    <message>
        <source>Terminating session %1</source>
        <translation>Arrêt de la session %1</translation>
    </message>
    <message>
        <source>Session %1 was terminated; its sandbox is gone.</source>
        <translation>La session %1 a été terminée&#xa0;; son bac à sable n’existe plus.</translation>
    </message>
    <message numerus="yes">
        <source>Reconnected. %n byte(s) typed while disconnected were not sent.</source>
        <translation>
            <numerusform>Reconnecté. %n octet tapé pendant la déconnexion n’a pas été envoyé.</numerusform>
            <numerusform>Reconnecté. %n octets tapés pendant la déconnexion n’ont pas été envoyés.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not attached: your master key was not sent to %1.</source>
        <translation>Non attaché&#xa0;: votre clé maîtresse n’a pas été envoyée à %1.</translation>
    </message>
    <message>
        <source>Sign in to %1 as another profile with its own key, then attach again.</source>
        <translation>Connectez-vous à %1 comme autre profil avec sa propre clé, puis attachez-vous à nouveau.</translation>
    </message>
    <message>
        <source>Session %1 is on %2. Your master key was saved for %3 and goes nowhere else unless you allow it: whoever runs %2 would receive it and could use it on %3.

Allow it only if %2 is the same platform under another address.</source>
        <translation>La session %1 se trouve sur %2. Votre clé maîtresse a été enregistrée pour %3 et ne va nulle part ailleurs sans votre accord&#xa0;: quiconque exploite %2 la recevrait et pourrait l’utiliser sur %3.

Autorisez-le seulement si %2 est la même plateforme sous une autre adresse.</translation>
    </message>
    <message>
        <source>Send Key to %1</source>
        <translation>Envoyer la clé à %1</translation>
    </message>
    <message>
        <source>Waiting for you to allow sending the master key to %1</source>
        <translation>En attente de votre autorisation d’envoyer la clé maîtresse à %1</translation>
    </message>
    <message>
        <source>Connecting to the terminal</source>
        <translation>Connexion au terminal</translation>
    </message>
    <message>
        <source>Connection news</source>
        <translation>Nouvelles de la connexion</translation>
    </message>
</context>
<context>
    <name>lap::TtyWording</name>
    <message>
        <source>normal closure</source>
        <translation>fermeture normale</translation>
    </message>
    <message>
        <source>going away</source>
        <translation>départ de l’interlocuteur</translation>
    </message>
    <message>
        <source>protocol error</source>
        <translation>erreur de protocole</translation>
    </message>
    <message>
        <source>unsupported data</source>
        <translation>données non prises en charge</translation>
    </message>
    <message>
        <source>no status</source>
        <translation>aucun statut</translation>
    </message>
    <message>
        <source>abnormal closure</source>
        <translation>fermeture anormale</translation>
    </message>
    <message>
        <source>invalid data</source>
        <translation>données invalides</translation>
    </message>
    <message>
        <source>policy violation</source>
        <translation>violation de politique</translation>
    </message>
    <message>
        <source>message too big</source>
        <translation>message trop volumineux</translation>
    </message>
    <message>
        <source>missing extension</source>
        <translation>extension manquante</translation>
    </message>
    <message>
        <source>server error</source>
        <translation>erreur du serveur</translation>
    </message>
    <message>
        <source>service restart</source>
        <translation>redémarrage du service</translation>
    </message>
    <message>
        <source>try again later</source>
        <translation>réessayer plus tard</translation>
    </message>
    <message>
        <source>bad gateway</source>
        <translation>passerelle incorrecte</translation>
    </message>
    <message>
        <source>The agent exited.</source>
        <translation>L’agent s’est arrêté.</translation>
    </message>
    <message>
        <source>The agent exited (%1).</source>
        <translation>L’agent s’est arrêté (%1).</translation>
    </message>
    <message>
        <source>The sandbox could not start the agent.</source>
        <translation>Le bac à sable n’a pas pu démarrer l’agent.</translation>
    </message>
    <message>
        <source>The sandbox could not start the agent (%1).</source>
        <translation>Le bac à sable n’a pas pu démarrer l’agent (%1).</translation>
    </message>
    <message>
        <source>Connection lost.</source>
        <translation>Connexion perdue.</translation>
    </message>
    <message>
        <source>Connection lost (code %1).</source>
        <translation>Connexion perdue (code %1).</translation>
    </message>
    <message>
        <source>Connection lost (code %1 — %2).</source>
        <translation>Connexion perdue (code %1 — %2).</translation>
    </message>
    <message>
        <source>Connection lost (code %1: %2).</source>
        <translation>Connexion perdue (code %1&#xa0;: %2).</translation>
    </message>
    <message>
        <source>Connection lost (code %1: %2 — %3).</source>
        <translation>Connexion perdue (code %1&#xa0;: %2 — %3).</translation>
    </message>
    <message>
        <source>Could not check the session (%1) — try reconnecting.</source>
        <translation>Impossible de vérifier la session (%1) — essayez de vous reconnecter.</translation>
    </message>
    <message>
        <source>The session is still running — reconnect to continue.</source>
        <translation>La session est toujours en cours — reconnectez-vous pour continuer.</translation>
    </message>
    <message>
        <source>Session is %1 — reconnect once it is ready.</source>
        <translation>La session est %1 — reconnectez-vous quand elle sera prête.</translation>
    </message>
    <message>
        <source>Session is %1.</source>
        <translation>La session est %1.</translation>
    </message>
    <message>
        <source>Session is %1 — %2.</source>
        <translation>La session est %1 — %2.</translation>
    </message>
    <message>
        <source>the server sent an invalid close code</source>
        <translation>le serveur a envoyé un code de fermeture invalide</translation>
    </message>
    <message>
        <source>The sandbox refused the terminal connection: TTY token rejected (HTTP 401).</source>
        <translation>Le bac à sable a refusé la connexion du terminal&#xa0;: jeton TTY rejeté (HTTP 401).</translation>
    </message>
    <message>
        <source>The pod may predate the platform&apos;s harness token: restart the session, or set LAP_TTY_TOKEN.</source>
        <translation>Le pod est peut-être antérieur au jeton harness de la plateforme&#xa0;: redémarrez la session ou définissez LAP_TTY_TOKEN.</translation>
    </message>
    <message>
        <source>The sandbox refused the terminal connection: no TTY token was sent (HTTP 401).</source>
        <translation>Le bac à sable a refusé la connexion du terminal&#xa0;: aucun jeton TTY n’a été envoyé (HTTP 401).</translation>
    </message>
    <message>
        <source>The platform returned no tty_token: set LAP_TTY_TOKEN.</source>
        <translation>La plateforme n’a renvoyé aucun tty_token&#xa0;: définissez LAP_TTY_TOKEN.</translation>
    </message>
    <message>
        <source>The sandbox is not ready for a terminal yet (HTTP 503).</source>
        <translation>Le bac à sable n’est pas encore prêt pour un terminal (HTTP 503).</translation>
    </message>
    <message>
        <source>It is starting or restarting; try again in a moment.</source>
        <translation>Il est en cours de démarrage ou de redémarrage&#xa0;; réessayez dans un instant.</translation>
    </message>
    <message>
        <source>Cannot reach the sandbox (HTTP 502).</source>
        <translation>Le bac à sable est injoignable (HTTP 502).</translation>
    </message>
    <message>
        <source>The pod may be gone, or the platform&apos;s proxy still remembers an old address (up to 30 s after a restart).</source>
        <translation>Le pod a peut-être disparu, ou le proxy de la plateforme garde encore une ancienne adresse (jusqu’à 30 s après un redémarrage).</translation>
    </message>
    <message>
        <source>The terminal connection was refused (HTTP %1).</source>
        <translation>La connexion du terminal a été refusée (HTTP %1).</translation>
    </message>
    <message>
        <source>The pod may be gone or the address unreachable.</source>
        <translation>Le pod a peut-être disparu ou l’adresse est injoignable.</translation>
    </message>
    <message>
        <source>The terminal URL is not a valid ws:// or wss:// URL.</source>
        <translation>L’URL du terminal n’est pas une URL ws:// ou wss:// valide.</translation>
    </message>
    <message>
        <source>Cannot reach the sandbox at %1: no answer within %2 s.</source>
        <translation>Le bac à sable à l’adresse %1 est injoignable&#xa0;: aucune réponse en %2 s.</translation>
    </message>
    <message>
        <source>TLS error connecting to the sandbox: %1.</source>
        <translation>Erreur TLS lors de la connexion au bac à sable&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Cannot reach the sandbox at %1: %2.</source>
        <translation>Le bac à sable à l’adresse %1 est injoignable&#xa0;: %2.</translation>
    </message>
</context>
</TS>

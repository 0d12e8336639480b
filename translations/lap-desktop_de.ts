<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>AgentPicker</name>
    <message>
        <source>Open an agent</source>
        <translation>Agenten öffnen</translation>
    </message>
    <message>
        <source>Filter by name, id or harness</source>
        <translation>Nach Name, ID oder Harness filtern</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Erneut versuchen</translation>
    </message>
</context>
<context>
    <name>AttachDialog</name>
    <message>
        <source>Attach to a session</source>
        <translation>Mit einer Sitzung verbinden</translation>
    </message>
    <message>
        <source>Show the sessions of one agent only (asked of the platform).</source>
        <translation>Nur die Sitzungen eines Agenten anzeigen (von der Plattform abgefragt).</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Erneut versuchen</translation>
    </message>
    <message>
        <source>Session &amp;id or URL:</source>
        <translation>Sitzungs-&amp;ID oder URL:</translation>
    </message>
    <message>
        <source>Paste a session id or a &lt;base&gt;/sessions/&lt;id&gt; URL</source>
        <translation>Sitzungs-ID oder &lt;base&gt;/sessions/&lt;id&gt;-URL einfügen</translation>
    </message>
    <message>
        <source>A&amp;gent:</source>
        <translation>A&amp;gent:</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>Terminal</translation>
    </message>
    <message>
        <source>Color &amp;scheme:</source>
        <translation>&amp;Farbschema:</translation>
    </message>
    <message>
        <source>&amp;Font:</source>
        <translation>Schrift&amp;art:</translation>
    </message>
    <message>
        <source>Font size</source>
        <translation>Schriftgröße</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> pt</translation>
    </message>
    <message>
        <source>Scroll&amp;back:</source>
        <translation>&amp;Verlauf:</translation>
    </message>
    <message>
        <source>Lines kept above the visible screen. 0 keeps none.</source>
        <translation>Zeilen, die oberhalb des sichtbaren Bereichs erhalten bleiben. 0 behält keine.</translation>
    </message>
    <message>
        <source>Unlimited</source>
        <translation>Unbegrenzt</translation>
    </message>
    <message>
        <source> lines</source>
        <translation> Zeilen</translation>
    </message>
    <message>
        <source>A lone Ctrl-D detaches (like lap); off: Ctrl-D goes to the remote shell</source>
        <translation>Ein einzelnes Strg-D koppelt ab (wie lap); aus: Strg-D geht an die entfernte Shell</translation>
    </message>
    <message>
        <source>Bracketed paste (the remote program can tell pasted text from typing)</source>
        <translation>Bracketed Paste (das entfernte Programm unterscheidet Eingefügtes von Getipptem)</translation>
    </message>
    <message>
        <source>Copy selected text to the clipboard automatically</source>
        <translation>Markierten Text automatisch in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <source>Visual bell (flash the terminal instead of beeping)</source>
        <translation>Optische Glocke (Terminal blinkt statt zu piepen)</translation>
    </message>
    <message>
        <source>Make links in the output clickable</source>
        <translation>Links in der Ausgabe anklickbar machen</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>&amp;Give up starting after:</source>
        <translation>Start &amp;aufgeben nach:</translation>
    </message>
    <message>
        <source>How long to wait for a new session to become ready. The platform itself fails a start after 600 s.</source>
        <translation>Wie lange auf die Bereitschaft einer neuen Sitzung gewartet wird. Die Plattform selbst bricht einen Start nach 600 s ab.</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>TTY &amp;fallback URL:</source>
        <translation>TTY-&amp;Fallback-URL:</translation>
    </message>
    <message>
        <source>Used when the platform returns neither a tty_url nor a reachable sandbox_url (like LAP_TTY_FALLBACK).</source>
        <translation>Wird verwendet, wenn die Plattform weder eine tty_url noch eine erreichbare sandbox_url liefert (wie LAP_TTY_FALLBACK).</translation>
    </message>
    <message>
        <source>ws://host:port/tty (optional)</source>
        <translation>ws://host:port/tty (optional)</translation>
    </message>
    <message>
        <source>&amp;CA certificates:</source>
        <translation>&amp;CA-Zertifikate:</translation>
    </message>
    <message>
        <source>A PEM file with extra certificate authorities to trust for the platform, e.g. a company CA.</source>
        <translation>Eine PEM-Datei mit zusätzlichen Zertifizierungsstellen, denen für die Plattform vertraut wird, z. B. eine Firmen-CA.</translation>
    </message>
    <message>
        <source>System certificates only</source>
        <translation>Nur Systemzertifikate</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen …</translation>
    </message>
    <message>
        <source>&amp;Keep sessions alive while the terminal is in use</source>
        <translation>Sitzungen bei Benutzung des Terminals am &amp;Leben halten</translation>
    </message>
    <message>
        <source>The platform ends a terminal session 15 minutes after it became ready, even while you type in it. With this on, LAP Desktop tells the platform the session is in use while you type.</source>
        <translation>Die Plattform beendet eine Terminalsitzung 15 Minuten, nachdem sie bereit wurde, selbst wenn Sie darin tippen. Ist dies eingeschaltet, meldet LAP Desktop der Plattform beim Tippen, dass die Sitzung benutzt wird.</translation>
    </message>
    <message>
        <source>&amp;Reconnect automatically when the connection drops</source>
        <translation>Bei Verbindungsabbruch automatisch &amp;neu verbinden</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in to the LiteLLM Agent Platform</source>
        <translation>Bei der LiteLLM Agent Platform anmelden</translation>
    </message>
    <message>
        <source>Enter the address of your platform and its master key. The key is checked with the platform, then kept in your system keychain — never in a file.</source>
        <translation>Geben Sie die Adresse Ihrer Plattform und ihren Master-Key ein. Der Key wird bei der Plattform geprüft und dann im Schlüsselbund Ihres Systems aufbewahrt – nie in einer Datei.</translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation>&amp;Profil:</translation>
    </message>
    <message>
        <source>A name for this platform. Pick a saved one or type a new name to add another platform.</source>
        <translation>Ein Name für diese Plattform. Wählen Sie einen gespeicherten oder geben Sie einen neuen Namen ein, um eine weitere Plattform hinzuzufügen.</translation>
    </message>
    <message>
        <source>Platform &amp;URL:</source>
        <translation>Plattform-&amp;URL:</translation>
    </message>
    <message>
        <source>https://lap.example.com</source>
        <translation>https://lap.example.com</translation>
    </message>
    <message>
        <source>Master &amp;key:</source>
        <translation>Master-&amp;Key:</translation>
    </message>
    <message>
        <source>sk-…</source>
        <translation>sk-…</translation>
    </message>
    <message>
        <source>&amp;Import lap CLI config…</source>
        <translation>lap-CLI-Konfiguration &amp;importieren …</translation>
    </message>
    <message>
        <source>Continue without saving (key kept in memory for this run)</source>
        <translation>Ohne Speichern fortfahren (Key nur für diese Sitzung im Arbeitsspeicher)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>TerminalFailurePage</name>
    <message>
        <source>What went wrong</source>
        <translation>Was schiefging</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Was zu tun ist</translation>
    </message>
    <message>
        <source>Technical details</source>
        <translation>Technische Details</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Details kopieren</translation>
    </message>
</context>
<context>
    <name>TerminalKeyConsentPage</name>
    <message>
        <source>Question</source>
        <translation>Frage</translation>
    </message>
    <message>
        <source>Send your master key to another platform?</source>
        <translation>Master-Key an eine andere Plattform senden?</translation>
    </message>
    <message>
        <source>Why you are asked</source>
        <translation>Warum Sie gefragt werden</translation>
    </message>
    <message>
        <source>Don&apos;t send the master key</source>
        <translation>Master-Key nicht senden</translation>
    </message>
    <message>
        <source>Don&apos;t Send</source>
        <translation>Nicht senden</translation>
    </message>
    <message>
        <source>Send the master key to this platform</source>
        <translation>Master-Key an diese Plattform senden</translation>
    </message>
</context>
<context>
    <name>TerminalProgressPage</name>
    <message>
        <source>What is starting</source>
        <translation>Was gerade startet</translation>
    </message>
    <message>
        <source>Start-up phases</source>
        <translation>Startphasen</translation>
    </message>
    <message>
        <source>Time elapsed</source>
        <translation>Vergangene Zeit</translation>
    </message>
    <message>
        <source>Cancel opening</source>
        <translation>Öffnen abbrechen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>lap</name>
    <message>
        <source>Saving the master key</source>
        <translation>Speichern des Master-Keys</translation>
    </message>
    <message>
        <source>Reading the master key</source>
        <translation>Lesen des Master-Keys</translation>
    </message>
    <message>
        <source>Removing the master key</source>
        <translation>Entfernen des Master-Keys</translation>
    </message>
    <message>
        <source>The key will be kept in memory for this run only; install and start gnome-keyring or KWallet to save it.</source>
        <translation>Der Key wird nur für diesen Programmlauf im Arbeitsspeicher gehalten; installieren und starten Sie gnome-keyring oder KWallet, um ihn zu speichern.</translation>
    </message>
    <message>
        <source>%1: no keychain is available (there is no D-Bus session bus).</source>
        <translation>%1: Kein Schlüsselbund verfügbar (es gibt keinen D-Bus-Sitzungsbus).</translation>
    </message>
    <message>
        <source>%1: no keychain is available (no Secret Service provider such as GNOME Keyring or KWallet is running).</source>
        <translation>%1: Kein Schlüsselbund verfügbar (kein Secret-Service-Anbieter wie GNOME Keyring oder KWallet läuft).</translation>
    </message>
    <message>
        <source>%1: the keychain is locked or access was denied.</source>
        <translation>%1: Der Schlüsselbund ist gesperrt oder der Zugriff wurde verweigert.</translation>
    </message>
    <message>
        <source>Unlock your login keyring, then sign in again.</source>
        <translation>Entsperren Sie Ihren Anmelde-Schlüsselbund und melden Sie sich dann erneut an.</translation>
    </message>
    <message>
        <source>%1: no master key is stored for this profile.</source>
        <translation>%1: Für dieses Profil ist kein Master-Key gespeichert.</translation>
    </message>
    <message>
        <source>Sign in again.</source>
        <translation>Melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>%1: keychain error (%2).</source>
        <translation>%1: Schlüsselbund-Fehler (%2).</translation>
    </message>
    <message>
        <source>Nothing was removed; sign out again once the keychain is back.</source>
        <translation>Es wurde nichts entfernt; melden Sie sich erneut ab, sobald der Schlüsselbund wieder verfügbar ist.</translation>
    </message>
    <message>
        <source>%1 is not a lap CLI config (%2).</source>
        <translation>%1 ist keine lap-CLI-Konfiguration (%2).</translation>
    </message>
    <message>
        <source>No lap CLI config at %1.</source>
        <translation>Keine lap-CLI-Konfiguration unter %1.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2.</source>
        <translation>%1 kann nicht gelesen werden: %2.</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>kein JSON-Objekt</translation>
    </message>
    <message>
        <source>no &quot;base&quot; URL</source>
        <translation>keine „base“-URL</translation>
    </message>
    <message>
        <source>no &quot;key&quot;</source>
        <translation>kein „key“</translation>
    </message>
    <message>
        <source>&quot;base&quot; is not an http(s) URL</source>
        <translation>„base“ ist keine http(s)-URL</translation>
    </message>
    <message>
        <source>field &apos;%1&apos; should be %2</source>
        <translation>Feld „%1“ sollte %2 sein</translation>
    </message>
    <message>
        <source>field &apos;%1&apos; is missing</source>
        <translation>Feld „%1“ fehlt</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>eine Zeichenkette</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true oder false</translation>
    </message>
    <message>
        <source>an integer</source>
        <translation>eine ganze Zahl</translation>
    </message>
    <message>
        <source>&lt;unnamed %1&gt;</source>
        <translation>&lt;unbenannt %1&gt;</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>ein Array</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>the session list should be a JSON array</source>
        <translation>die Sitzungsliste sollte ein JSON-Array sein</translation>
    </message>
    <message>
        <source>%1 failed: no CA certificate could be read from %2.</source>
        <translation>%1 fehlgeschlagen: Aus %2 konnte kein CA-Zertifikat gelesen werden.</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>kein Grund angegeben</translation>
    </message>
    <message>
        <source>Checking the session</source>
        <translation>Prüfen der Sitzung</translation>
    </message>
    <message>
        <source>The session failed to start: %1.</source>
        <translation>Die Sitzung konnte nicht starten: %1.</translation>
    </message>
    <message>
        <source>The session is %1: %2.</source>
        <translation>Die Sitzung ist %1: %2.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>The session did not become ready within %1 s (last phase: %2).</source>
        <translation>Die Sitzung wurde nicht innerhalb von %1 s bereit (letzte Phase: %2).</translation>
    </message>
    <message>
        <source>The platform keeps trying for up to 10 minutes and the session was left running: attach to it later, or raise the give-up time in Settings.</source>
        <translation>Die Plattform versucht es bis zu 10 Minuten weiter, und die Sitzung läuft weiter: Verbinden Sie sich später mit ihr oder erhöhen Sie die Wartezeit in den Einstellungen.</translation>
    </message>
    <message>
        <source>It is still starting; try again in a moment.</source>
        <translation>Sie startet noch; versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>Open the agent again to start a new session.</source>
        <translation>Öffnen Sie den Agenten erneut, um eine neue Sitzung zu starten.</translation>
    </message>
    <message>
        <source>The TTY fallback URL &apos;%1&apos; is not a ws:// or wss:// URL.</source>
        <translation>Die TTY-Fallback-URL „%1“ ist keine ws://- oder wss://-URL.</translation>
    </message>
    <message>
        <source>Set it to ws://host:port/tty.</source>
        <translation>Setzen Sie sie auf ws://host:port/tty.</translation>
    </message>
    <message>
        <source>Upgrade the platform, or set a TTY fallback URL (ws://host:port/tty) in Settings or in LAP_TTY_FALLBACK.</source>
        <translation>Aktualisieren Sie die Plattform oder legen Sie eine TTY-Fallback-URL (ws://host:port/tty) in den Einstellungen oder in LAP_TTY_FALLBACK fest.</translation>
    </message>
    <message>
        <source>session.sandbox_url is in-cluster (%1) and the platform did not return a tty_url.</source>
        <translation>session.sandbox_url ist clusterintern (%1) und die Plattform hat keine tty_url geliefert.</translation>
    </message>
    <message>
        <source>The platform returned neither a tty_url nor a reachable sandbox_url.</source>
        <translation>Die Plattform hat weder eine tty_url noch eine erreichbare sandbox_url geliefert.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a session id or a &lt;base&gt;/sessions/&lt;id&gt; URL.</source>
        <translation>„%1“ ist weder eine Sitzungs-ID noch eine &lt;base&gt;/sessions/&lt;id&gt;-URL.</translation>
    </message>
    <message>
        <source>The TTY fallback URL must start with ws:// or wss://, e.g. ws://127.0.0.1:4096/tty.</source>
        <translation>Die TTY-Fallback-URL muss mit ws:// oder wss:// beginnen, z. B. ws://127.0.0.1:4096/tty.</translation>
    </message>
    <message>
        <source>The TTY fallback URL has no host, e.g. ws://127.0.0.1:4096/tty.</source>
        <translation>Die TTY-Fallback-URL enthält keinen Host, z. B. ws://127.0.0.1:4096/tty.</translation>
    </message>
    <message>
        <source>The CA file %1 does not exist.</source>
        <translation>Die CA-Datei %1 existiert nicht.</translation>
    </message>
    <message>
        <source>The CA file %1 cannot be read.</source>
        <translation>Die CA-Datei %1 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Choose a PEM file with the platform&apos;s CA certificate in Settings.</source>
        <translation>Wählen Sie in den Einstellungen eine PEM-Datei mit dem CA-Zertifikat der Plattform.</translation>
    </message>
    <message>
        <source>The CA file %1 holds no certificate (PEM or DER).</source>
        <translation>Die CA-Datei %1 enthält kein Zertifikat (PEM oder DER).</translation>
    </message>
    <message>
        <source>Cannot attach yet — the session is creating: still starting.</source>
        <translation>Verbinden noch nicht möglich – die Sitzung wird erstellt: Sie startet noch.</translation>
    </message>
    <message>
        <source>Cannot attach yet — the session is creating: still starting (%1).</source>
        <translation>Verbinden noch nicht möglich – die Sitzung wird erstellt: Sie startet noch (%1).</translation>
    </message>
    <message>
        <source>Cannot attach — the session is %1: the platform gave no reason.</source>
        <translation>Verbinden nicht möglich – die Sitzung ist %1: Die Plattform hat keinen Grund genannt.</translation>
    </message>
    <message>
        <source>Cannot attach — the session is %1: %2.</source>
        <translation>Verbinden nicht möglich – die Sitzung ist %1: %2.</translation>
    </message>
    <message>
        <source>The agent sent an event we cannot read: %1.</source>
        <translation>Der Agent hat ein Ereignis gesendet, das sich nicht lesen lässt: %1.</translation>
    </message>
    <message>
        <source>not JSON (%1)</source>
        <translation>kein JSON (%1)</translation>
    </message>
    <message>
        <source>it has no type</source>
        <translation>es hat keinen Typ</translation>
    </message>
    <message>
        <source>An event from the agent was larger than %1 MiB and was skipped.</source>
        <translation>Ein Ereignis des Agenten war größer als %1 MiB und wurde übersprungen.</translation>
    </message>
    <message>
        <source>An event from the agent was larger than %1 bytes and was skipped.</source>
        <translation>Ein Ereignis des Agenten war größer als %1 Bytes und wurde übersprungen.</translation>
    </message>
</context>
<context>
    <name>lap::AgentListModel</name>
    <message>
        <source>“%1” uses the %2 harness, which works in chat mode. LAP Desktop opens terminal (TUI) agents only; chat mode comes in a later version.</source>
        <translation>„%1“ verwendet das Harness %2, das im Chat-Modus arbeitet. LAP Desktop öffnet nur Terminal-Agenten (TUI); der Chat-Modus folgt in einer späteren Version.</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>Terminal</translation>
    </message>
    <message>
        <source>Chat — not supported yet</source>
        <translation>Chat – noch nicht unterstützt</translation>
    </message>
    <message>
        <source>%1 · active</source>
        <translation>%1 · aktiv</translation>
    </message>
    <message>
        <source>id: %1</source>
        <translation>ID: %1</translation>
    </message>
    <message>
        <source>model: %1</source>
        <translation>Modell: %1</translation>
    </message>
    <message>
        <source>repository: %1</source>
        <translation>Repository: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n session; it is ready or starting.</source>
        <translation>
            <numerusform>%n Sitzung; sie ist bereit oder startet.</numerusform>
            <numerusform>%n Sitzungen; sie sind bereit oder starten.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sessions; at least one is ready or starting.</source>
        <translation>
            <numerusform>%n Sitzung; sie ist bereit oder startet.</numerusform>
            <numerusform>%n Sitzungen; mindestens eine ist bereit oder startet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n session; not active.</source>
        <translation>
            <numerusform>%n Sitzung; nicht aktiv.</numerusform>
            <numerusform>%n Sitzungen; nicht aktiv.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sessions; none is active.</source>
        <translation>
            <numerusform>%n Sitzung; sie ist nicht aktiv.</numerusform>
            <numerusform>%n Sitzungen; keine ist aktiv.</numerusform>
        </translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Harness</source>
        <translation>Harness</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Modus</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message numerus="yes">
        <source>%n agent</source>
        <translation>
            <numerusform>%n Agent</numerusform>
            <numerusform>%n Agenten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n agents</source>
        <translation>
            <numerusform>%n Agent</numerusform>
            <numerusform>%n Agenten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n agent matching “%1”</source>
        <translation>
            <numerusform>%n Agent passt zu „%1“</numerusform>
            <numerusform>%n Agenten passen zu „%1“</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n agents matching “%1”</source>
        <translation>
            <numerusform>%n Agent passt zu „%1“</numerusform>
            <numerusform>%n Agenten passen zu „%1“</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lap::AgentPicker</name>
    <message>
        <source>Open an agent — %1</source>
        <translation>Agenten öffnen – %1</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Suche läuft …</translation>
    </message>
    <message>
        <source>Loading agents from %1…</source>
        <translation>Agenten werden von %1 geladen …</translation>
    </message>
    <message>
        <source>Loading agents…</source>
        <translation>Agenten werden geladen …</translation>
    </message>
    <message>
        <source>Searching for “%1”…</source>
        <translation>Suche nach „%1“ …</translation>
    </message>
    <message>
        <source>There are no agents on %1 yet. Create one in the platform&apos;s web UI, then press Retry.</source>
        <translation>Auf %1 gibt es noch keine Agenten. Legen Sie einen in der Weboberfläche der Plattform an und klicken Sie dann auf „Erneut versuchen“.</translation>
    </message>
    <message>
        <source>No agent matches “%1”.</source>
        <translation>Kein Agent passt zu „%1“.</translation>
    </message>
</context>
<context>
    <name>lap::AttachDialog</name>
    <message>
        <source>Attach to a session — %1</source>
        <translation>Mit einer Sitzung verbinden – %1</translation>
    </message>
    <message>
        <source>&amp;Attach</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <source>All agents</source>
        <translation>Alle Agenten</translation>
    </message>
    <message>
        <source>Loading sessions from %1…</source>
        <translation>Sitzungen werden von %1 geladen …</translation>
    </message>
    <message>
        <source>Loading sessions…</source>
        <translation>Sitzungen werden geladen …</translation>
    </message>
    <message>
        <source>The newest %1 sessions (the platform lists no more)</source>
        <translation>Die neuesten %1 Sitzungen (mehr listet die Plattform nicht auf)</translation>
    </message>
    <message>
        <source>There are no sessions on %1. Open an agent to start one.</source>
        <translation>Auf %1 gibt es keine Sitzungen. Öffnen Sie einen Agenten, um eine zu starten.</translation>
    </message>
    <message>
        <source>“%1” has no sessions.</source>
        <translation>„%1“ hat keine Sitzungen.</translation>
    </message>
    <message>
        <source>This session is under %1: LAP Desktop attaches there for this tab only.</source>
        <translation>Diese Sitzung liegt unter %1: LAP Desktop verbindet sich nur für diesen Tab dorthin.</translation>
    </message>
    <message>
        <source>This session is on %1: the tab uses the key of your profile “%2”.</source>
        <translation>Diese Sitzung liegt auf %1: Der Tab verwendet den Key Ihres Profils „%2“.</translation>
    </message>
    <message>
        <source>This session is on %1, not on %2: the tab asks before it sends your master key there.</source>
        <translation>Diese Sitzung liegt auf %1, nicht auf %2: Der Tab fragt, bevor er Ihren Master-Key dorthin sendet.</translation>
    </message>
</context>
<context>
    <name>lap::LaunchOptions</name>
    <message>
        <source>Terminal tabs on LiteLLM Agent Platform sandboxes.

Environment: LAP_BASE_URL and LAP_MASTER_KEY sign in for this run without the keychain; LAP_TTY_FALLBACK and LAP_TTY_TOKEN work as in the lap CLI.</source>
        <translation>Terminal-Tabs auf Sandboxes der LiteLLM Agent Platform.

Umgebung: LAP_BASE_URL und LAP_MASTER_KEY melden für diesen Programmlauf ohne Schlüsselbund an; LAP_TTY_FALLBACK und LAP_TTY_TOKEN wirken wie in der lap-CLI.</translation>
    </message>
    <message>
        <source>Agent names or ids to open, one tab each.</source>
        <translation>Namen oder IDs der zu öffnenden Agenten, je ein Tab.</translation>
    </message>
    <message>
        <source>Open a new session of &lt;agent&gt; (name or id).</source>
        <translation>Eine neue Sitzung von &lt;Agent&gt; öffnen (Name oder ID).</translation>
    </message>
    <message>
        <source>agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Attach to an existing session, by id or &lt;base&gt;/sessions/&lt;id&gt; URL.</source>
        <translation>Mit einer bestehenden Sitzung verbinden, per ID oder &lt;base&gt;/sessions/&lt;id&gt;-URL.</translation>
    </message>
    <message>
        <source>session</source>
        <translation>Sitzung</translation>
    </message>
    <message>
        <source>Use the saved platform profile &lt;name&gt;.</source>
        <translation>Das gespeicherte Plattformprofil &lt;Name&gt; verwenden.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>LAP_BASE_URL and LAP_MASTER_KEY must be set together.</source>
        <translation>LAP_BASE_URL und LAP_MASTER_KEY müssen gemeinsam gesetzt werden.</translation>
    </message>
    <message>
        <source>Set both to sign in from the environment, or neither to use a saved profile.</source>
        <translation>Setzen Sie beide, um sich über die Umgebung anzumelden, oder keine, um ein gespeichertes Profil zu verwenden.</translation>
    </message>
    <message>
        <source>LAP_BASE_URL is not usable: %1</source>
        <translation>LAP_BASE_URL ist nicht verwendbar: %1</translation>
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
        <translation>Agent öffnen …</translation>
    </message>
    <message>
        <source>Attach to session…</source>
        <translation>Mit Sitzung verbinden …</translation>
    </message>
    <message>
        <source>&amp;Open Agent…</source>
        <translation>Agent &amp;öffnen …</translation>
    </message>
    <message>
        <source>&amp;Attach to Session…</source>
        <translation>Mit Sitzung &amp;verbinden …</translation>
    </message>
    <message>
        <source>&amp;Reconnect</source>
        <translation>&amp;Neu verbinden</translation>
    </message>
    <message>
        <source>Reconnect &amp;All Dropped</source>
        <translation>&amp;Alle getrennten neu verbinden</translation>
    </message>
    <message>
        <source>&amp;Detach</source>
        <translation>Ab&amp;koppeln</translation>
    </message>
    <message>
        <source>&amp;Close Tab</source>
        <translation>Tab &amp;schließen</translation>
    </message>
    <message>
        <source>Closes the tab and detaches; the session keeps running on the platform</source>
        <translation>Schließt den Tab und koppelt ab; die Sitzung läuft auf der Plattform weiter</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Einfügen</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Suchen …</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>&amp;Reset Zoom</source>
        <translation>&amp;Originalgröße</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>E&amp;instellungen …</translation>
    </message>
    <message>
        <source>Sign &amp;In / Switch Platform…</source>
        <translation>&amp;Anmelden / Plattform wechseln …</translation>
    </message>
    <message>
        <source>Sign &amp;Out</source>
        <translation>Ab&amp;melden</translation>
    </message>
    <message>
        <source>&amp;Hide Window</source>
        <translation>&amp;Fenster ausblenden</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Next Tab</source>
        <translation>Nächster Tab</translation>
    </message>
    <message>
        <source>Previous Tab</source>
        <translation>Vorheriger Tab</translation>
    </message>
    <message>
        <source>&amp;Session</source>
        <translation>&amp;Sitzung</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Platform</source>
        <translation>&amp;Plattform</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About LAP Desktop</source>
        <translation>Ü&amp;ber LAP Desktop</translation>
    </message>
    <message>
        <source>About LAP Desktop</source>
        <translation>Über LAP Desktop</translation>
    </message>
    <message>
        <source>&lt;h3&gt;LAP Desktop %1&lt;/h3&gt;&lt;p&gt;Terminal tabs on LiteLLM Agent Platform sandboxes.&lt;/p&gt;&lt;p&gt;Licensed under the GNU General Public License, version 2 or later.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;LAP Desktop %1&lt;/h3&gt;&lt;p&gt;Terminal-Tabs auf Sandboxes der LiteLLM Agent Platform.&lt;/p&gt;&lt;p&gt;Lizenziert unter der GNU General Public License, Version 2 oder später.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>No open sessions</source>
        <translation>Keine offenen Sitzungen</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation>Neu verbinden</translation>
    </message>
    <message>
        <source>No saved platform profile named &apos;%1&apos;.</source>
        <translation>Kein gespeichertes Plattformprofil namens „%1“.</translation>
    </message>
    <message>
        <source>Reading the master key for %1 from the keychain…</source>
        <translation>Master-Key für %1 wird aus dem Schlüsselbund gelesen …</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Close tab — detaches; the session keeps running on the platform</source>
        <translation>Tab schließen – koppelt ab; die Sitzung läuft auf der Plattform weiter</translation>
    </message>
    <message>
        <source>%1
%2: %3</source>
        <translation>%1
%2: %3</translation>
    </message>
    <message>
        <source>&amp;Show Window</source>
        <translation>&amp;Fenster anzeigen</translation>
    </message>
    <message>
        <source>Signed in to %1.
Open an agent to get a terminal on a new sandbox, or attach to a running session.</source>
        <translation>Angemeldet bei %1.
Öffnen Sie einen Agenten, um ein Terminal auf einer neuen Sandbox zu erhalten, oder verbinden Sie sich mit einer laufenden Sitzung.</translation>
    </message>
    <message>
        <source>Not signed in.</source>
        <translation>Nicht angemeldet.</translation>
    </message>
    <message numerus="yes">
        <source>LAP Desktop — %n session(s) connected</source>
        <translation>
            <numerusform>LAP Desktop – %n Sitzung verbunden</numerusform>
            <numerusform>LAP Desktop – %n Sitzungen verbunden</numerusform>
        </translation>
    </message>
    <message>
        <source>The master key is kept in memory for this run only: no keychain is available.</source>
        <translation>Der Master-Key wird nur für diesen Programmlauf im Arbeitsspeicher gehalten: Es ist kein Schlüsselbund verfügbar.</translation>
    </message>
    <message>
        <source>Sign Out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>Signed out: the master key of &apos;%1&apos; was removed from the keychain.</source>
        <translation>Abgemeldet: Der Master-Key von „%1“ wurde aus dem Schlüsselbund entfernt.</translation>
    </message>
    <message>
        <source>LAP Desktop is still running</source>
        <translation>LAP Desktop läuft weiter</translation>
    </message>
    <message>
        <source>Your sessions stay connected. Use the tray icon to show the window, or Quit to detach them all.</source>
        <translation>Ihre Sitzungen bleiben verbunden. Über das Symbol im Systembereich zeigen Sie das Fenster wieder an; „Beenden“ koppelt alle ab.</translation>
    </message>
    <message>
        <source>&amp;Terminate Session…</source>
        <translation>Sitzung be&amp;enden …</translation>
    </message>
    <message>
        <source>%1 stopped</source>
        <translation>%1 angehalten</translation>
    </message>
    <message>
        <source>Terminate Session</source>
        <translation>Sitzung beenden</translation>
    </message>
    <message>
        <source>Bell in %1</source>
        <translation>Glocke in %1</translation>
    </message>
    <message>
        <source>Terminate session %1 of %2?</source>
        <translation>Sitzung %1 von %2 beenden?</translation>
    </message>
    <message>
        <source>This stops the sandbox for everyone attached to it; its shell, files and the agent&apos;s state are lost. Closing the tab instead only detaches.</source>
        <translation>Dies stoppt die Sandbox für alle, die mit ihr verbunden sind; ihre Shell, ihre Dateien und der Zustand des Agenten gehen verloren. Den Tab zu schließen koppelt dagegen nur ab.</translation>
    </message>
    <message>
        <source>Terminate</source>
        <translation>Beenden</translation>
    </message>
</context>
<context>
    <name>lap::PlatformRequests</name>
    <message>
        <source>Enter the platform URL, for example https://lap.example.com.</source>
        <translation>Geben Sie die Plattform-URL ein, zum Beispiel https://lap.example.com.</translation>
    </message>
    <message>
        <source>The platform URL must start with http:// or https://.</source>
        <translation>Die Plattform-URL muss mit http:// oder https:// beginnen.</translation>
    </message>
    <message>
        <source>The platform URL has no host name.</source>
        <translation>Die Plattform-URL enthält keinen Hostnamen.</translation>
    </message>
    <message>
        <source>The platform URL must not contain a user name or password.</source>
        <translation>Die Plattform-URL darf keinen Benutzernamen und kein Passwort enthalten.</translation>
    </message>
    <message>
        <source>The platform URL must not contain &apos;?&apos; or &apos;#&apos;.</source>
        <translation>Die Plattform-URL darf weder „?“ noch „#“ enthalten.</translation>
    </message>
    <message>
        <source>Listing agents</source>
        <translation>Auflisten der Agenten</translation>
    </message>
    <message>
        <source>Looking up the agent</source>
        <translation>Suchen des Agenten</translation>
    </message>
    <message>
        <source>Creating the session</source>
        <translation>Anlegen der Sitzung</translation>
    </message>
    <message>
        <source>Fetching the session</source>
        <translation>Abrufen der Sitzung</translation>
    </message>
    <message>
        <source>Listing sessions</source>
        <translation>Auflisten der Sitzungen</translation>
    </message>
    <message>
        <source>Deleting the session</source>
        <translation>Löschen der Sitzung</translation>
    </message>
    <message>
        <source>Refreshing the session</source>
        <translation>Aktualisieren der Sitzung</translation>
    </message>
    <message>
        <source>%1 failed: no platform URL is set.</source>
        <translation>%1 fehlgeschlagen: Es ist keine Plattform-URL festgelegt.</translation>
    </message>
    <message>
        <source>Sign in with the platform URL and master key.</source>
        <translation>Melden Sie sich mit Plattform-URL und Master-Key an.</translation>
    </message>
</context>
<context>
    <name>lap::RemoteTerminal</name>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Einfügen</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Suchen …</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>&amp;Reset Zoom</source>
        <translation>&amp;Originalgröße</translation>
    </message>
</context>
<context>
    <name>lap::ReplyErrors</name>
    <message>
        <source>(+%1 more)</source>
        <translation>(+%1 weitere)</translation>
    </message>
    <message>
        <source>Check that the platform URL points to a LiteLLM Agent Platform.</source>
        <translation>Prüfen Sie, ob die Plattform-URL auf eine LiteLLM Agent Platform zeigt.</translation>
    </message>
    <message>
        <source>The platform or a proxy in between may be overloaded; try again.</source>
        <translation>Die Plattform oder ein Proxy dazwischen ist womöglich überlastet; versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>%1 failed: %2 is limiting the rate of requests (HTTP 429).</source>
        <translation>%1 fehlgeschlagen: %2 begrenzt die Anfragerate (HTTP 429).</translation>
    </message>
    <message>
        <source>Wait %1 s and try again.</source>
        <translation>Warten Sie %1 s und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Wait a moment and try again.</source>
        <translation>Warten Sie einen Moment und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>%1 failed: master key rejected by %2 (HTTP %3).</source>
        <translation>%1 fehlgeschlagen: Master-Key von %2 abgelehnt (HTTP %3).</translation>
    </message>
    <message>
        <source>Sign in again with a valid master key.</source>
        <translation>Melden Sie sich erneut mit einem gültigen Master-Key an.</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>nicht gefunden</translation>
    </message>
    <message>
        <source>%1 failed: %2 (HTTP %3).</source>
        <translation>%1 fehlgeschlagen: %2 (HTTP %3).</translation>
    </message>
    <message>
        <source>%1 failed: the platform rejected the request (HTTP %2).</source>
        <translation>%1 fehlgeschlagen: Die Plattform hat die Anfrage abgelehnt (HTTP %2).</translation>
    </message>
    <message>
        <source>%1 failed: the platform rejected the request (HTTP %2): %3.</source>
        <translation>%1 fehlgeschlagen: Die Plattform hat die Anfrage abgelehnt (HTTP %2): %3.</translation>
    </message>
    <message>
        <source>conflict</source>
        <translation>Konflikt</translation>
    </message>
    <message>
        <source>%1 failed: server error (HTTP %2).</source>
        <translation>%1 fehlgeschlagen: Serverfehler (HTTP %2).</translation>
    </message>
    <message>
        <source>%1 failed: server error (HTTP %2): %3</source>
        <translation>%1 fehlgeschlagen: Serverfehler (HTTP %2): %3</translation>
    </message>
    <message>
        <source>The platform had a problem; try again in a moment.</source>
        <translation>Die Plattform hatte ein Problem; versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>%1 failed: %2 redirected to another site (%3); the master key was not sent there.</source>
        <translation>%1 fehlgeschlagen: %2 hat auf eine andere Seite umgeleitet (%3); der Master-Key wurde nicht dorthin gesendet.</translation>
    </message>
    <message>
        <source>If that site is the platform, use its address as the platform URL.</source>
        <translation>Wenn diese Seite die Plattform ist, verwenden Sie ihre Adresse als Plattform-URL.</translation>
    </message>
    <message>
        <source>%1 failed: the reply from %2 is larger than %3 MB, so it was not read.</source>
        <translation>%1 fehlgeschlagen: Die Antwort von %2 ist größer als %3 MB und wurde daher nicht gelesen.</translation>
    </message>
    <message>
        <source>%1 failed: %2 sent its reply too slowly (not complete after %3 s).</source>
        <translation>%1 fehlgeschlagen: %2 hat zu langsam geantwortet (nach %3 s nicht vollständig).</translation>
    </message>
    <message>
        <source>%1 failed: %2 stopped sending its reply (nothing more for %3 s).</source>
        <translation>%1 fehlgeschlagen: %2 hat aufgehört zu antworten (seit %3 s nichts mehr).</translation>
    </message>
    <message>
        <source>%1 failed: %2 did not answer within %3 s.</source>
        <translation>%1 fehlgeschlagen: %2 hat nicht innerhalb von %3 s geantwortet.</translation>
    </message>
    <message>
        <source>The platform may be overloaded or unreachable; try again.</source>
        <translation>Die Plattform ist womöglich überlastet oder nicht erreichbar; versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>%1 failed: TLS error talking to %2 (%3).</source>
        <translation>%1 fehlgeschlagen: TLS-Fehler bei der Verbindung mit %2 (%3).</translation>
    </message>
    <message>
        <source>Check the server certificate, or choose its CA file in Settings.</source>
        <translation>Prüfen Sie das Serverzertifikat oder wählen Sie dessen CA-Datei in den Einstellungen.</translation>
    </message>
    <message>
        <source>%1 failed: cannot reach %2 (%3).</source>
        <translation>%1 fehlgeschlagen: %2 ist nicht erreichbar (%3).</translation>
    </message>
    <message>
        <source>Check the platform URL and that the platform is running.</source>
        <translation>Prüfen Sie die Plattform-URL und ob die Plattform läuft.</translation>
    </message>
    <message>
        <source>%1 failed: the platform sent an unexpected reply (%2).</source>
        <translation>%1 fehlgeschlagen: Die Plattform hat unerwartet geantwortet (%2).</translation>
    </message>
    <message>
        <source>the reply is empty</source>
        <translation>die Antwort ist leer</translation>
    </message>
    <message>
        <source>an HTML page instead of JSON</source>
        <translation>eine HTML-Seite statt JSON</translation>
    </message>
    <message>
        <source>an HTML page instead of JSON: %1</source>
        <translation>eine HTML-Seite statt JSON: %1</translation>
    </message>
    <message>
        <source>the reply is not JSON: %1 at offset %2</source>
        <translation>die Antwort ist kein JSON: %1 an Position %2</translation>
    </message>
    <message>
        <source>the reply should be a JSON object</source>
        <translation>die Antwort sollte ein JSON-Objekt sein</translation>
    </message>
    <message>
        <source>Check the spelling (names are case-sensitive) or use the agent&apos;s id.</source>
        <translation>Prüfen Sie die Schreibweise (Groß-/Kleinschreibung zählt) oder verwenden Sie die ID des Agenten.</translation>
    </message>
    <message>
        <source>No agent named &apos;%1&apos; on %2.</source>
        <translation>Kein Agent namens „%1“ auf %2.</translation>
    </message>
    <message>
        <source>No agent named &apos;%1&apos; on %2 — the platform has no agents.</source>
        <translation>Kein Agent namens „%1“ auf %2 – die Plattform hat keine Agenten.</translation>
    </message>
    <message>
        <source>Create an agent on the platform first.</source>
        <translation>Legen Sie zuerst einen Agenten auf der Plattform an.</translation>
    </message>
    <message numerus="yes">
        <source>%n agent(s) available</source>
        <translation>
            <numerusform>%n Agent verfügbar</numerusform>
            <numerusform>%n Agenten verfügbar</numerusform>
        </translation>
    </message>
    <message>
        <source>No agent named &apos;%1&apos; on %2 — %3: %4.</source>
        <translation>Kein Agent namens „%1“ auf %2 – %3: %4.</translation>
    </message>
    <message>
        <source>Enter an agent name or id.</source>
        <translation>Geben Sie einen Agentennamen oder eine ID ein.</translation>
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
        <translation>%1 T</translation>
    </message>
    <message>
        <source>Open its agent again for a new session.</source>
        <translation>Öffnen Sie ihren Agenten erneut, um eine neue Sitzung zu erhalten.</translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation>vor %1</translation>
    </message>
    <message>
        <source>agent id: %1</source>
        <translation>Agenten-ID: %1</translation>
    </message>
    <message>
        <source>created %1</source>
        <translation>erstellt %1</translation>
    </message>
    <message>
        <source>last seen by the platform %1</source>
        <translation>zuletzt von der Plattform gesehen %1</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Alter</translation>
    </message>
    <message>
        <source>Last activity</source>
        <translation>Letzte Aktivität</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sitzung</translation>
    </message>
    <message numerus="yes">
        <source>%n session</source>
        <translation>
            <numerusform>%n Sitzung</numerusform>
            <numerusform>%n Sitzungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sessions</source>
        <translation>
            <numerusform>%n Sitzung</numerusform>
            <numerusform>%n Sitzungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n session of “%1”</source>
        <translation>
            <numerusform>%n Sitzung von „%1“</numerusform>
            <numerusform>%n Sitzungen von „%1“</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sessions of “%1”</source>
        <translation>
            <numerusform>%n Sitzung von „%1“</numerusform>
            <numerusform>%n Sitzungen von „%1“</numerusform>
        </translation>
    </message>
    <message>
        <source>Refresh when it is ready.</source>
        <translation>Aktualisieren Sie, sobald sie bereit ist.</translation>
    </message>
</context>
<context>
    <name>lap::SettingsDialog</name>
    <message>
        <source>Choose CA certificates</source>
        <translation>CA-Zertifikate wählen</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>PEM-Zertifikate (*.pem *.crt *.cer);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>lap::SignInDialog</name>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Anmelden</translation>
    </message>
    <message>
        <source>Hide key</source>
        <translation>Key verbergen</translation>
    </message>
    <message>
        <source>Show key</source>
        <translation>Key anzeigen</translation>
    </message>
    <message>
        <source>Imported %1. Sign in to check the key and keep it in the keychain.</source>
        <translation>%1 importiert. Melden Sie sich an, um den Key zu prüfen und im Schlüsselbund abzulegen.</translation>
    </message>
    <message>
        <source>Found a lap CLI config at %1.</source>
        <translation>lap-CLI-Konfiguration unter %1 gefunden.</translation>
    </message>
    <message>
        <source>Used the lap command-line tool? Import its config file.</source>
        <translation>Haben Sie das Kommandozeilenwerkzeug lap benutzt? Importieren Sie dessen Konfigurationsdatei.</translation>
    </message>
    <message>
        <source>Import lap CLI config</source>
        <translation>lap-CLI-Konfiguration importieren</translation>
    </message>
    <message>
        <source>lap config (config.json);;JSON files (*.json);;All files (*)</source>
        <translation>lap-Konfiguration (config.json);;JSON-Dateien (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Enter a name for this profile, e.g. default.</source>
        <translation>Geben Sie einen Namen für dieses Profil ein, z. B. default.</translation>
    </message>
    <message>
        <source>Enter the platform URL, e.g. https://lap.example.com.</source>
        <translation>Geben Sie die Plattform-URL ein, z. B. https://lap.example.com.</translation>
    </message>
    <message>
        <source>Enter the master key.</source>
        <translation>Geben Sie den Master-Key ein.</translation>
    </message>
    <message>
        <source>Checking the key with %1…</source>
        <translation>Key wird bei %1 geprüft …</translation>
    </message>
    <message>
        <source>Saving the key in the keychain…</source>
        <translation>Key wird im Schlüsselbund gespeichert …</translation>
    </message>
    <message>
        <source>Delete lap CLI config</source>
        <translation>lap-CLI-Konfiguration löschen</translation>
    </message>
    <message>
        <source>Delete %1? It holds your master key in plain text.</source>
        <translation>%1 löschen? Die Datei enthält Ihren Master-Key im Klartext.</translation>
    </message>
    <message>
        <source>The key is now in the keychain. The lap command-line tool reads this file too and will ask you to log in again.</source>
        <translation>Der Key liegt jetzt im Schlüsselbund. Das Kommandozeilenwerkzeug lap liest diese Datei ebenfalls und wird Sie bitten, sich erneut anzumelden.</translation>
    </message>
    <message>
        <source>The key was not saved in a keychain: after deleting the file you will have to enter it again next time. The lap command-line tool will ask you to log in again too.</source>
        <translation>Der Key wurde in keinem Schlüsselbund gespeichert: Nach dem Löschen der Datei müssen Sie ihn beim nächsten Mal erneut eingeben. Auch das Kommandozeilenwerkzeug lap wird Sie bitten, sich erneut anzumelden.</translation>
    </message>
    <message>
        <source>Could not delete %1: %2. Delete it yourself; it holds your master key in plain text.</source>
        <translation>%1 konnte nicht gelöscht werden: %2. Löschen Sie die Datei selbst; sie enthält Ihren Master-Key im Klartext.</translation>
    </message>
</context>
<context>
    <name>lap::TerminalTab</name>
    <message>
        <source>Opening</source>
        <translation>Wird geöffnet</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>Verbindet</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <source>Reconnecting</source>
        <translation>Verbindet neu</translation>
    </message>
    <message>
        <source>Detached</source>
        <translation>Abgekoppelt</translation>
    </message>
    <message>
        <source>Agent exited</source>
        <translation>Agent beendet</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>New session</source>
        <translation>Neue Sitzung</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Fetching the session</source>
        <translation>Sitzung wird abgerufen</translation>
    </message>
    <message>
        <source>Starting the session</source>
        <translation>Sitzung wird gestartet</translation>
    </message>
    <message>
        <source>Opening was cancelled.</source>
        <translation>Das Öffnen wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Session %1 may still be starting on the platform; attach to it later or terminate it.</source>
        <translation>Sitzung %1 startet womöglich noch auf der Plattform; verbinden Sie sich später mit ihr oder beenden Sie sie.</translation>
    </message>
    <message>
        <source>Attaching to session %1…</source>
        <translation>Verbinde mit Sitzung %1 …</translation>
    </message>
    <message>
        <source>Starting %1…</source>
        <translation>%1 wird gestartet …</translation>
    </message>
    <message>
        <source>requesting a sandbox</source>
        <translation>Sandbox wird angefordert</translation>
    </message>
    <message>
        <source>%1 s elapsed</source>
        <translation>%1 s vergangen</translation>
    </message>
    <message>
        <source> · session %1</source>
        <translation> · Sitzung %1</translation>
    </message>
    <message>
        <source>Connecting to %1</source>
        <translation>Verbinde mit %1</translation>
    </message>
    <message>
        <source>Connected to session %1</source>
        <translation>Mit Sitzung %1 verbunden</translation>
    </message>
    <message numerus="yes">
        <source>Reconnecting… keystrokes are not being sent (%n byte(s) dropped).</source>
        <translation>
            <numerusform>Verbinde neu … Tastatureingaben werden nicht gesendet (%n Byte verworfen).</numerusform>
            <numerusform>Verbinde neu … Tastatureingaben werden nicht gesendet (%n Bytes verworfen).</numerusform>
        </translation>
    </message>
    <message>
        <source>Detached; the session keeps running on the platform</source>
        <translation>Abgekoppelt; die Sitzung läuft auf der Plattform weiter</translation>
    </message>
    <message>
        <source>Checking session %1</source>
        <translation>Prüfe Sitzung %1</translation>
    </message>
    <message>
        <source>The session is %1.</source>
        <translation>Die Sitzung ist %1.</translation>
    </message>
    <message>
        <source>%1 Automatic reconnect is off: use Session ▸ Reconnect.</source>
        <translation>%1 Automatisches Neuverbinden ist aus: Verwenden Sie Sitzung ▸ Neu verbinden.</translation>
    </message>
    <message>
        <source>%1 Reconnecting in %2 s… keystrokes are not being sent.</source>
        <translation>%1 Neuverbindung in %2 s … Tastatureingaben werden nicht gesendet.</translation>
    </message>
    <message>
        <source>Detached — the session keeps running on the platform. Press Enter to reattach.</source>
        <translation>Abgekoppelt – die Sitzung läuft auf der Plattform weiter. Drücken Sie Enter, um sich wieder zu verbinden.</translation>
    </message>
    <message>
        <source>%1 Press Enter to start it again.</source>
        <translation>%1 Drücken Sie Enter, um ihn erneut zu starten.</translation>
    </message>
    <message>
        <source>%1 Checking the session…</source>
        <translation>%1 Sitzung wird geprüft …</translation>
    </message>
    <message>
        <source>Open the agent again to start a new session.</source>
        <translation>Öffnen Sie den Agenten erneut, um eine neue Sitzung zu starten.</translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation>Neu verbinden</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Open agent again</source>
        <translation>Agent erneut öffnen</translation>
    </message>
    <message>
        <source>Terminating session %1</source>
        <translation>Sitzung %1 wird beendet</translation>
    </message>
    <message>
        <source>Session %1 was terminated; its sandbox is gone.</source>
        <translation>Sitzung %1 wurde beendet; ihre Sandbox existiert nicht mehr.</translation>
    </message>
    <message numerus="yes">
        <source>Reconnected. %n byte(s) typed while disconnected were not sent.</source>
        <translation>
            <numerusform>Wieder verbunden. %n während der Trennung getipptes Byte wurde nicht gesendet.</numerusform>
            <numerusform>Wieder verbunden. %n während der Trennung getippte Bytes wurden nicht gesendet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not attached: your master key was not sent to %1.</source>
        <translation>Nicht verbunden: Ihr Master-Key wurde nicht an %1 gesendet.</translation>
    </message>
    <message>
        <source>Sign in to %1 as another profile with its own key, then attach again.</source>
        <translation>Melden Sie sich bei %1 als weiteres Profil mit dessen eigenem Key an und verbinden Sie sich dann erneut.</translation>
    </message>
    <message>
        <source>Session %1 is on %2. Your master key was saved for %3 and goes nowhere else unless you allow it: whoever runs %2 would receive it and could use it on %3.

Allow it only if %2 is the same platform under another address.</source>
        <translation>Sitzung %1 liegt auf %2. Ihr Master-Key wurde für %3 gespeichert und geht nirgendwo anders hin, außer Sie erlauben es: Wer %2 betreibt, würde ihn erhalten und könnte ihn auf %3 verwenden.

Erlauben Sie es nur, wenn %2 dieselbe Plattform unter einer anderen Adresse ist.</translation>
    </message>
    <message>
        <source>Send Key to %1</source>
        <translation>Key an %1 senden</translation>
    </message>
    <message>
        <source>Waiting for you to allow sending the master key to %1</source>
        <translation>Wartet auf Ihre Erlaubnis, den Master-Key an %1 zu senden</translation>
    </message>
    <message>
        <source>Connecting to the terminal</source>
        <translation>Verbinden mit dem Terminal</translation>
    </message>
    <message>
        <source>Connection news</source>
        <translation>Verbindungsmeldungen</translation>
    </message>
</context>
<context>
    <name>lap::TtyWording</name>
    <message>
        <source>normal closure</source>
        <translation>normales Schließen</translation>
    </message>
    <message>
        <source>going away</source>
        <translation>Gegenstelle geht weg</translation>
    </message>
    <message>
        <source>protocol error</source>
        <translation>Protokollfehler</translation>
    </message>
    <message>
        <source>unsupported data</source>
        <translation>nicht unterstützte Daten</translation>
    </message>
    <message>
        <source>no status</source>
        <translation>kein Status</translation>
    </message>
    <message>
        <source>abnormal closure</source>
        <translation>abnormales Schließen</translation>
    </message>
    <message>
        <source>invalid data</source>
        <translation>ungültige Daten</translation>
    </message>
    <message>
        <source>policy violation</source>
        <translation>Richtlinienverstoß</translation>
    </message>
    <message>
        <source>message too big</source>
        <translation>Nachricht zu groß</translation>
    </message>
    <message>
        <source>missing extension</source>
        <translation>fehlende Erweiterung</translation>
    </message>
    <message>
        <source>server error</source>
        <translation>Serverfehler</translation>
    </message>
    <message>
        <source>service restart</source>
        <translation>Dienst-Neustart</translation>
    </message>
    <message>
        <source>try again later</source>
        <translation>später erneut versuchen</translation>
    </message>
    <message>
        <source>bad gateway</source>
        <translation>fehlerhaftes Gateway</translation>
    </message>
    <message>
        <source>The agent exited.</source>
        <translation>Der Agent wurde beendet.</translation>
    </message>
    <message>
        <source>The agent exited (%1).</source>
        <translation>Der Agent wurde beendet (%1).</translation>
    </message>
    <message>
        <source>The sandbox could not start the agent.</source>
        <translation>Die Sandbox konnte den Agenten nicht starten.</translation>
    </message>
    <message>
        <source>The sandbox could not start the agent (%1).</source>
        <translation>Die Sandbox konnte den Agenten nicht starten (%1).</translation>
    </message>
    <message>
        <source>Connection lost.</source>
        <translation>Verbindung verloren.</translation>
    </message>
    <message>
        <source>Connection lost (code %1).</source>
        <translation>Verbindung verloren (Code %1).</translation>
    </message>
    <message>
        <source>Connection lost (code %1 — %2).</source>
        <translation>Verbindung verloren (Code %1 – %2).</translation>
    </message>
    <message>
        <source>Connection lost (code %1: %2).</source>
        <translation>Verbindung verloren (Code %1: %2).</translation>
    </message>
    <message>
        <source>Connection lost (code %1: %2 — %3).</source>
        <translation>Verbindung verloren (Code %1: %2 – %3).</translation>
    </message>
    <message>
        <source>Could not check the session (%1) — try reconnecting.</source>
        <translation>Die Sitzung konnte nicht geprüft werden (%1) – versuchen Sie, neu zu verbinden.</translation>
    </message>
    <message>
        <source>The session is still running — reconnect to continue.</source>
        <translation>Die Sitzung läuft noch – verbinden Sie sich neu, um fortzufahren.</translation>
    </message>
    <message>
        <source>Session is %1 — reconnect once it is ready.</source>
        <translation>Sitzung ist %1 – verbinden Sie sich neu, sobald sie bereit ist.</translation>
    </message>
    <message>
        <source>Session is %1.</source>
        <translation>Sitzung ist %1.</translation>
    </message>
    <message>
        <source>Session is %1 — %2.</source>
        <translation>Sitzung ist %1 – %2.</translation>
    </message>
    <message>
        <source>the server sent an invalid close code</source>
        <translation>der Server hat einen ungültigen Close-Code gesendet</translation>
    </message>
    <message>
        <source>The sandbox refused the terminal connection: TTY token rejected (HTTP 401).</source>
        <translation>Die Sandbox hat die Terminalverbindung abgelehnt: TTY-Token zurückgewiesen (HTTP 401).</translation>
    </message>
    <message>
        <source>The pod may predate the platform&apos;s harness token: restart the session, or set LAP_TTY_TOKEN.</source>
        <translation>Der Pod ist womöglich älter als das Harness-Token der Plattform: Starten Sie die Sitzung neu oder setzen Sie LAP_TTY_TOKEN.</translation>
    </message>
    <message>
        <source>The sandbox refused the terminal connection: no TTY token was sent (HTTP 401).</source>
        <translation>Die Sandbox hat die Terminalverbindung abgelehnt: Es wurde kein TTY-Token gesendet (HTTP 401).</translation>
    </message>
    <message>
        <source>The platform returned no tty_token: set LAP_TTY_TOKEN.</source>
        <translation>Die Plattform hat kein tty_token geliefert: Setzen Sie LAP_TTY_TOKEN.</translation>
    </message>
    <message>
        <source>The sandbox is not ready for a terminal yet (HTTP 503).</source>
        <translation>Die Sandbox ist noch nicht bereit für ein Terminal (HTTP 503).</translation>
    </message>
    <message>
        <source>It is starting or restarting; try again in a moment.</source>
        <translation>Sie startet gerade (neu); versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>Cannot reach the sandbox (HTTP 502).</source>
        <translation>Die Sandbox ist nicht erreichbar (HTTP 502).</translation>
    </message>
    <message>
        <source>The pod may be gone, or the platform&apos;s proxy still remembers an old address (up to 30 s after a restart).</source>
        <translation>Der Pod existiert womöglich nicht mehr, oder der Proxy der Plattform kennt noch eine alte Adresse (bis zu 30 s nach einem Neustart).</translation>
    </message>
    <message>
        <source>The terminal connection was refused (HTTP %1).</source>
        <translation>Die Terminalverbindung wurde abgelehnt (HTTP %1).</translation>
    </message>
    <message>
        <source>The pod may be gone or the address unreachable.</source>
        <translation>Der Pod existiert womöglich nicht mehr oder die Adresse ist nicht erreichbar.</translation>
    </message>
    <message>
        <source>The terminal URL is not a valid ws:// or wss:// URL.</source>
        <translation>Die Terminal-URL ist keine gültige ws://- oder wss://-URL.</translation>
    </message>
    <message>
        <source>Cannot reach the sandbox at %1: no answer within %2 s.</source>
        <translation>Die Sandbox unter %1 ist nicht erreichbar: keine Antwort innerhalb von %2 s.</translation>
    </message>
    <message>
        <source>TLS error connecting to the sandbox: %1.</source>
        <translation>TLS-Fehler bei der Verbindung mit der Sandbox: %1.</translation>
    </message>
    <message>
        <source>Cannot reach the sandbox at %1: %2.</source>
        <translation>Die Sandbox unter %1 ist nicht erreichbar: %2.</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AgentPicker</name>
    <message>
        <source>Open an agent</source>
        <translation>打开智能体</translation>
    </message>
    <message>
        <source>Filter by name, id or harness</source>
        <translation>按名称、ID 或 harness 筛选</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>重试(&amp;R)</translation>
    </message>
</context>
<context>
    <name>AttachDialog</name>
    <message>
        <source>Attach to a session</source>
        <translation>连接到会话</translation>
    </message>
    <message>
        <source>Show the sessions of one agent only (asked of the platform).</source>
        <translation>只显示一个智能体的会话（向平台查询）。</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>刷新(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>重试(&amp;R)</translation>
    </message>
    <message>
        <source>Session &amp;id or URL:</source>
        <translation>会话 ID 或 URL(&amp;I)：</translation>
    </message>
    <message>
        <source>Paste a session id or a &lt;base&gt;/sessions/&lt;id&gt; URL</source>
        <translation>粘贴会话 ID 或 &lt;base&gt;/sessions/&lt;id&gt; URL</translation>
    </message>
    <message>
        <source>A&amp;gent:</source>
        <translation>智能体(&amp;G)：</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>终端</translation>
    </message>
    <message>
        <source>Color &amp;scheme:</source>
        <translation>配色方案(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Font:</source>
        <translation>字体(&amp;F)：</translation>
    </message>
    <message>
        <source>Font size</source>
        <translation>字号</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> 磅</translation>
    </message>
    <message>
        <source>Scroll&amp;back:</source>
        <translation>回滚行数(&amp;B)：</translation>
    </message>
    <message>
        <source>Lines kept above the visible screen. 0 keeps none.</source>
        <translation>在可见屏幕上方保留的行数。0 表示不保留。</translation>
    </message>
    <message>
        <source>Unlimited</source>
        <translation>无限制</translation>
    </message>
    <message>
        <source> lines</source>
        <translation> 行</translation>
    </message>
    <message>
        <source>A lone Ctrl-D detaches (like lap); off: Ctrl-D goes to the remote shell</source>
        <translation>单独按 Ctrl-D 时分离（与 lap 相同）；关闭时 Ctrl-D 发送给远程 shell</translation>
    </message>
    <message>
        <source>Bracketed paste (the remote program can tell pasted text from typing)</source>
        <translation>括号粘贴模式（远程程序可区分粘贴的文本与键入的内容）</translation>
    </message>
    <message>
        <source>Copy selected text to the clipboard automatically</source>
        <translation>自动将选中的文本复制到剪贴板</translation>
    </message>
    <message>
        <source>Visual bell (flash the terminal instead of beeping)</source>
        <translation>可视响铃（终端闪烁而不是发出蜂鸣）</translation>
    </message>
    <message>
        <source>Make links in the output clickable</source>
        <translation>使输出中的链接可点击</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>&amp;Give up starting after:</source>
        <translation>启动超时放弃(&amp;G)：</translation>
    </message>
    <message>
        <source>How long to wait for a new session to become ready. The platform itself fails a start after 600 s.</source>
        <translation>等待新会话就绪的时长。平台本身会在 600 秒后判定启动失败。</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>TTY &amp;fallback URL:</source>
        <translation>TTY 备用 URL(&amp;F)：</translation>
    </message>
    <message>
        <source>Used when the platform returns neither a tty_url nor a reachable sandbox_url (like LAP_TTY_FALLBACK).</source>
        <translation>当平台既未返回 tty_url 也未返回可访问的 sandbox_url 时使用（同 LAP_TTY_FALLBACK）。</translation>
    </message>
    <message>
        <source>ws://host:port/tty (optional)</source>
        <translation>ws://host:port/tty（可选）</translation>
    </message>
    <message>
        <source>&amp;CA certificates:</source>
        <translation>CA 证书(&amp;C)：</translation>
    </message>
    <message>
        <source>A PEM file with extra certificate authorities to trust for the platform, e.g. a company CA.</source>
        <translation>一个 PEM 文件，其中包含访问平台时额外信任的证书颁发机构，例如公司内部 CA。</translation>
    </message>
    <message>
        <source>System certificates only</source>
        <translation>仅使用系统证书</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Keep sessions alive while the terminal is in use</source>
        <translation>使用终端时保持会话活跃(&amp;K)</translation>
    </message>
    <message>
        <source>The platform ends a terminal session 15 minutes after it became ready, even while you type in it. With this on, LAP Desktop tells the platform the session is in use while you type.</source>
        <translation>平台会在终端会话就绪 15 分钟后将其结束，即使您正在其中输入。开启此项后，LAP Desktop 会在您输入时告知平台该会话正在使用。</translation>
    </message>
    <message>
        <source>&amp;Reconnect automatically when the connection drops</source>
        <translation>连接断开时自动重新连接(&amp;R)</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in to the LiteLLM Agent Platform</source>
        <translation>登录 LiteLLM Agent Platform</translation>
    </message>
    <message>
        <source>Enter the address of your platform and its master key. The key is checked with the platform, then kept in your system keychain — never in a file.</source>
        <translation>请输入平台地址及其主密钥。密钥经平台验证后保存在系统密钥环中——绝不会写入文件。</translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation>配置档案(&amp;P)：</translation>
    </message>
    <message>
        <source>A name for this platform. Pick a saved one or type a new name to add another platform.</source>
        <translation>此平台的名称。选择已保存的名称，或输入新名称以添加另一个平台。</translation>
    </message>
    <message>
        <source>Platform &amp;URL:</source>
        <translation>平台 URL(&amp;U)：</translation>
    </message>
    <message>
        <source>https://lap.example.com</source>
        <translation>https://lap.example.com</translation>
    </message>
    <message>
        <source>Master &amp;key:</source>
        <translation>主密钥(&amp;K)：</translation>
    </message>
    <message>
        <source>sk-…</source>
        <translation>sk-…</translation>
    </message>
    <message>
        <source>&amp;Import lap CLI config…</source>
        <translation>导入 lap CLI 配置(&amp;I)…</translation>
    </message>
    <message>
        <source>Continue without saving (key kept in memory for this run)</source>
        <translation>不保存并继续（密钥仅在本次运行期间保存在内存中）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>TerminalFailurePage</name>
    <message>
        <source>What went wrong</source>
        <translation>出了什么问题</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>如何处理</translation>
    </message>
    <message>
        <source>Technical details</source>
        <translation>技术细节</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>复制详细信息</translation>
    </message>
</context>
<context>
    <name>TerminalKeyConsentPage</name>
    <message>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Send your master key to another platform?</source>
        <translation>要将主密钥发送到另一个平台吗？</translation>
    </message>
    <message>
        <source>Why you are asked</source>
        <translation>为什么询问您</translation>
    </message>
    <message>
        <source>Don&apos;t send the master key</source>
        <translation>不发送主密钥</translation>
    </message>
    <message>
        <source>Don&apos;t Send</source>
        <translation>不发送</translation>
    </message>
    <message>
        <source>Send the master key to this platform</source>
        <translation>将主密钥发送到此平台</translation>
    </message>
</context>
<context>
    <name>TerminalProgressPage</name>
    <message>
        <source>What is starting</source>
        <translation>正在启动的内容</translation>
    </message>
    <message>
        <source>Start-up phases</source>
        <translation>启动阶段</translation>
    </message>
    <message>
        <source>Time elapsed</source>
        <translation>已用时间</translation>
    </message>
    <message>
        <source>Cancel opening</source>
        <translation>取消打开</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>lap</name>
    <message>
        <source>Saving the master key</source>
        <translation>保存主密钥</translation>
    </message>
    <message>
        <source>Reading the master key</source>
        <translation>读取主密钥</translation>
    </message>
    <message>
        <source>Removing the master key</source>
        <translation>删除主密钥</translation>
    </message>
    <message>
        <source>The key will be kept in memory for this run only; install and start gnome-keyring or KWallet to save it.</source>
        <translation>密钥仅在本次运行期间保存在内存中；如需保存，请安装并启动 gnome-keyring 或 KWallet。</translation>
    </message>
    <message>
        <source>%1: no keychain is available (there is no D-Bus session bus).</source>
        <translation>%1：没有可用的密钥环（没有 D-Bus 会话总线）。</translation>
    </message>
    <message>
        <source>%1: no keychain is available (no Secret Service provider such as GNOME Keyring or KWallet is running).</source>
        <translation>%1：没有可用的密钥环（没有运行 GNOME Keyring 或 KWallet 等 Secret Service 提供程序）。</translation>
    </message>
    <message>
        <source>%1: the keychain is locked or access was denied.</source>
        <translation>%1：密钥环已锁定或访问被拒绝。</translation>
    </message>
    <message>
        <source>Unlock your login keyring, then sign in again.</source>
        <translation>请解锁登录密钥环，然后重新登录。</translation>
    </message>
    <message>
        <source>%1: no master key is stored for this profile.</source>
        <translation>%1：此配置档案未保存主密钥。</translation>
    </message>
    <message>
        <source>Sign in again.</source>
        <translation>请重新登录。</translation>
    </message>
    <message>
        <source>%1: keychain error (%2).</source>
        <translation>%1：密钥环错误（%2）。</translation>
    </message>
    <message>
        <source>Nothing was removed; sign out again once the keychain is back.</source>
        <translation>未删除任何内容；请在密钥环恢复后再次退出登录。</translation>
    </message>
    <message>
        <source>%1 is not a lap CLI config (%2).</source>
        <translation>%1 不是 lap CLI 配置（%2）。</translation>
    </message>
    <message>
        <source>No lap CLI config at %1.</source>
        <translation>%1 处没有 lap CLI 配置。</translation>
    </message>
    <message>
        <source>Cannot read %1: %2.</source>
        <translation>无法读取 %1：%2。</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>不是 JSON 对象</translation>
    </message>
    <message>
        <source>no &quot;base&quot; URL</source>
        <translation>没有“base”URL</translation>
    </message>
    <message>
        <source>no &quot;key&quot;</source>
        <translation>没有“key”</translation>
    </message>
    <message>
        <source>&quot;base&quot; is not an http(s) URL</source>
        <translation>“base”不是 http(s) URL</translation>
    </message>
    <message>
        <source>field &apos;%1&apos; should be %2</source>
        <translation>字段“%1”应为%2</translation>
    </message>
    <message>
        <source>field &apos;%1&apos; is missing</source>
        <translation>缺少字段“%1”</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>字符串</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true 或 false</translation>
    </message>
    <message>
        <source>an integer</source>
        <translation>整数</translation>
    </message>
    <message>
        <source>&lt;unnamed %1&gt;</source>
        <translation>&lt;未命名 %1&gt;</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>数组</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>the session list should be a JSON array</source>
        <translation>会话列表应为 JSON 数组</translation>
    </message>
    <message>
        <source>%1 failed: no CA certificate could be read from %2.</source>
        <translation>%1失败：无法从 %2 读取 CA 证书。</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>未提供原因</translation>
    </message>
    <message>
        <source>Checking the session</source>
        <translation>检查会话</translation>
    </message>
    <message>
        <source>The session failed to start: %1.</source>
        <translation>会话启动失败：%1。</translation>
    </message>
    <message>
        <source>The session is %1: %2.</source>
        <translation>会话状态为 %1：%2。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>The session did not become ready within %1 s (last phase: %2).</source>
        <translation>会话在 %1 秒内未就绪（最后阶段：%2）。</translation>
    </message>
    <message>
        <source>The platform keeps trying for up to 10 minutes and the session was left running: attach to it later, or raise the give-up time in Settings.</source>
        <translation>平台会继续尝试最多 10 分钟，会话仍在运行：请稍后连接到该会话，或在设置中延长放弃等待的时间。</translation>
    </message>
    <message>
        <source>It is still starting; try again in a moment.</source>
        <translation>会话仍在启动中；请稍后再试。</translation>
    </message>
    <message>
        <source>Open the agent again to start a new session.</source>
        <translation>请重新打开智能体以启动新会话。</translation>
    </message>
    <message>
        <source>The TTY fallback URL &apos;%1&apos; is not a ws:// or wss:// URL.</source>
        <translation>TTY 备用 URL“%1”不是 ws:// 或 wss:// URL。</translation>
    </message>
    <message>
        <source>Set it to ws://host:port/tty.</source>
        <translation>请将其设置为 ws://host:port/tty。</translation>
    </message>
    <message>
        <source>Upgrade the platform, or set a TTY fallback URL (ws://host:port/tty) in Settings or in LAP_TTY_FALLBACK.</source>
        <translation>请升级平台，或在设置中或通过 LAP_TTY_FALLBACK 设置 TTY 备用 URL（ws://host:port/tty）。</translation>
    </message>
    <message>
        <source>session.sandbox_url is in-cluster (%1) and the platform did not return a tty_url.</source>
        <translation>session.sandbox_url 是集群内部地址（%1），且平台未返回 tty_url。</translation>
    </message>
    <message>
        <source>The platform returned neither a tty_url nor a reachable sandbox_url.</source>
        <translation>平台既未返回 tty_url，也未返回可访问的 sandbox_url。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a session id or a &lt;base&gt;/sessions/&lt;id&gt; URL.</source>
        <translation>“%1”既不是会话 ID，也不是 &lt;base&gt;/sessions/&lt;id&gt; URL。</translation>
    </message>
    <message>
        <source>The TTY fallback URL must start with ws:// or wss://, e.g. ws://127.0.0.1:4096/tty.</source>
        <translation>TTY 备用 URL 必须以 ws:// 或 wss:// 开头，例如 ws://127.0.0.1:4096/tty。</translation>
    </message>
    <message>
        <source>The TTY fallback URL has no host, e.g. ws://127.0.0.1:4096/tty.</source>
        <translation>TTY 备用 URL 中没有主机，例如 ws://127.0.0.1:4096/tty。</translation>
    </message>
    <message>
        <source>The CA file %1 does not exist.</source>
        <translation>CA 文件 %1 不存在。</translation>
    </message>
    <message>
        <source>The CA file %1 cannot be read.</source>
        <translation>无法读取 CA 文件 %1。</translation>
    </message>
    <message>
        <source>Choose a PEM file with the platform&apos;s CA certificate in Settings.</source>
        <translation>请在设置中选择包含平台 CA 证书的 PEM 文件。</translation>
    </message>
    <message>
        <source>The CA file %1 holds no certificate (PEM or DER).</source>
        <translation>CA 文件 %1 中没有证书（PEM 或 DER）。</translation>
    </message>
    <message>
        <source>Cannot attach yet — the session is creating: still starting.</source>
        <translation>暂时无法连接——会话正在创建：仍在启动。</translation>
    </message>
    <message>
        <source>Cannot attach yet — the session is creating: still starting (%1).</source>
        <translation>暂时无法连接——会话正在创建：仍在启动（%1）。</translation>
    </message>
    <message>
        <source>Cannot attach — the session is %1: the platform gave no reason.</source>
        <translation>无法连接——会话状态为 %1：平台未给出原因。</translation>
    </message>
    <message>
        <source>Cannot attach — the session is %1: %2.</source>
        <translation>无法连接——会话状态为 %1：%2。</translation>
    </message>
    <message>
        <source>The agent sent an event we cannot read: %1.</source>
        <translation>智能体发送了无法读取的事件：%1。</translation>
    </message>
    <message>
        <source>not JSON (%1)</source>
        <translation>不是 JSON（%1）</translation>
    </message>
    <message>
        <source>it has no type</source>
        <translation>它没有类型</translation>
    </message>
    <message>
        <source>An event from the agent was larger than %1 MiB and was skipped.</source>
        <translation>来自智能体的一个事件超过 %1 MiB，已跳过。</translation>
    </message>
    <message>
        <source>An event from the agent was larger than %1 bytes and was skipped.</source>
        <translation>来自智能体的一个事件超过 %1 字节，已跳过。</translation>
    </message>
</context>
<context>
    <name>lap::AgentListModel</name>
    <message>
        <source>“%1” uses the %2 harness, which works in chat mode. LAP Desktop opens terminal (TUI) agents only; chat mode comes in a later version.</source>
        <translation>“%1”使用 %2 harness，它以聊天模式工作。LAP Desktop 目前只能打开终端（TUI）智能体；聊天模式将在后续版本中提供。</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>终端</translation>
    </message>
    <message>
        <source>Chat — not supported yet</source>
        <translation>聊天——暂不支持</translation>
    </message>
    <message>
        <source>%1 · active</source>
        <translation>%1 · 活跃</translation>
    </message>
    <message>
        <source>id: %1</source>
        <translation>ID：%1</translation>
    </message>
    <message>
        <source>model: %1</source>
        <translation>模型：%1</translation>
    </message>
    <message>
        <source>repository: %1</source>
        <translation>代码仓库：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n session; it is ready or starting.</source>
        <translation>
            <numerusform>%n 个会话；已就绪或正在启动。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sessions; at least one is ready or starting.</source>
        <translation>
            <numerusform>%n 个会话；至少一个已就绪或正在启动。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n session; not active.</source>
        <translation>
            <numerusform>%n 个会话；未活跃。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sessions; none is active.</source>
        <translation>
            <numerusform>%n 个会话；均未活跃。</numerusform>
        </translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Harness</source>
        <translation>Harness</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>会话</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message numerus="yes">
        <source>%n agent</source>
        <translation>
            <numerusform>%n 个智能体</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n agents</source>
        <translation>
            <numerusform>%n 个智能体</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n agent matching “%1”</source>
        <translation>
            <numerusform>%n 个智能体匹配“%1”</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n agents matching “%1”</source>
        <translation>
            <numerusform>%n 个智能体匹配“%1”</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lap::AgentPicker</name>
    <message>
        <source>Open an agent — %1</source>
        <translation>打开智能体——%1</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <source>Loading agents from %1…</source>
        <translation>正在从 %1 加载智能体…</translation>
    </message>
    <message>
        <source>Loading agents…</source>
        <translation>正在加载智能体…</translation>
    </message>
    <message>
        <source>Searching for “%1”…</source>
        <translation>正在搜索“%1”…</translation>
    </message>
    <message>
        <source>There are no agents on %1 yet. Create one in the platform&apos;s web UI, then press Retry.</source>
        <translation>%1 上还没有智能体。请在平台的网页界面中创建一个，然后点击“重试”。</translation>
    </message>
    <message>
        <source>No agent matches “%1”.</source>
        <translation>没有与“%1”匹配的智能体。</translation>
    </message>
</context>
<context>
    <name>lap::AttachDialog</name>
    <message>
        <source>Attach to a session — %1</source>
        <translation>连接到会话——%1</translation>
    </message>
    <message>
        <source>&amp;Attach</source>
        <translation>连接(&amp;A)</translation>
    </message>
    <message>
        <source>All agents</source>
        <translation>所有智能体</translation>
    </message>
    <message>
        <source>Loading sessions from %1…</source>
        <translation>正在从 %1 加载会话…</translation>
    </message>
    <message>
        <source>Loading sessions…</source>
        <translation>正在加载会话…</translation>
    </message>
    <message>
        <source>The newest %1 sessions (the platform lists no more)</source>
        <translation>最新的 %1 个会话（平台不会列出更多）</translation>
    </message>
    <message>
        <source>There are no sessions on %1. Open an agent to start one.</source>
        <translation>%1 上没有会话。打开一个智能体即可启动会话。</translation>
    </message>
    <message>
        <source>“%1” has no sessions.</source>
        <translation>“%1”没有会话。</translation>
    </message>
    <message>
        <source>This session is under %1: LAP Desktop attaches there for this tab only.</source>
        <translation>此会话位于 %1 之下：LAP Desktop 仅为此标签页连接到那里。</translation>
    </message>
    <message>
        <source>This session is on %1: the tab uses the key of your profile “%2”.</source>
        <translation>此会话位于 %1：该标签页使用您的配置文件“%2”的密钥。</translation>
    </message>
    <message>
        <source>This session is on %1, not on %2: the tab asks before it sends your master key there.</source>
        <translation>此会话位于 %1，而不是 %2：该标签页在向那里发送您的主密钥之前会先询问您。</translation>
    </message>
</context>
<context>
    <name>lap::LaunchOptions</name>
    <message>
        <source>Terminal tabs on LiteLLM Agent Platform sandboxes.

Environment: LAP_BASE_URL and LAP_MASTER_KEY sign in for this run without the keychain; LAP_TTY_FALLBACK and LAP_TTY_TOKEN work as in the lap CLI.</source>
        <translation>在 LiteLLM Agent Platform 沙箱上打开终端标签页。

环境变量：LAP_BASE_URL 和 LAP_MASTER_KEY 可在本次运行中直接登录，无需密钥环；LAP_TTY_FALLBACK 和 LAP_TTY_TOKEN 的作用与 lap CLI 中相同。</translation>
    </message>
    <message>
        <source>Agent names or ids to open, one tab each.</source>
        <translation>要打开的智能体名称或 ID，每个一个标签页。</translation>
    </message>
    <message>
        <source>Open a new session of &lt;agent&gt; (name or id).</source>
        <translation>打开 &lt;智能体&gt; 的新会话（名称或 ID）。</translation>
    </message>
    <message>
        <source>agent</source>
        <translation>智能体</translation>
    </message>
    <message>
        <source>Attach to an existing session, by id or &lt;base&gt;/sessions/&lt;id&gt; URL.</source>
        <translation>连接到现有会话，可使用 ID 或 &lt;base&gt;/sessions/&lt;id&gt; URL。</translation>
    </message>
    <message>
        <source>session</source>
        <translation>会话</translation>
    </message>
    <message>
        <source>Use the saved platform profile &lt;name&gt;.</source>
        <translation>使用已保存的平台配置档案 &lt;名称&gt;。</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>LAP_BASE_URL and LAP_MASTER_KEY must be set together.</source>
        <translation>LAP_BASE_URL 和 LAP_MASTER_KEY 必须同时设置。</translation>
    </message>
    <message>
        <source>Set both to sign in from the environment, or neither to use a saved profile.</source>
        <translation>同时设置两者可通过环境变量登录；都不设置则使用已保存的配置档案。</translation>
    </message>
    <message>
        <source>LAP_BASE_URL is not usable: %1</source>
        <translation>LAP_BASE_URL 无法使用：%1</translation>
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
        <translation>打开智能体…</translation>
    </message>
    <message>
        <source>Attach to session…</source>
        <translation>连接到会话…</translation>
    </message>
    <message>
        <source>&amp;Open Agent…</source>
        <translation>打开智能体(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Attach to Session…</source>
        <translation>连接到会话(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Reconnect</source>
        <translation>重新连接(&amp;R)</translation>
    </message>
    <message>
        <source>Reconnect &amp;All Dropped</source>
        <translation>重新连接所有断开的会话(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Detach</source>
        <translation>分离(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Close Tab</source>
        <translation>关闭标签页(&amp;C)</translation>
    </message>
    <message>
        <source>Closes the tab and detaches; the session keeps running on the platform</source>
        <translation>关闭标签页并分离；会话继续在平台上运行</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>粘贴(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Reset Zoom</source>
        <translation>重置缩放(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>Sign &amp;In / Switch Platform…</source>
        <translation>登录/切换平台(&amp;I)…</translation>
    </message>
    <message>
        <source>Sign &amp;Out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Hide Window</source>
        <translation>隐藏窗口(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Next Tab</source>
        <translation>下一个标签页</translation>
    </message>
    <message>
        <source>Previous Tab</source>
        <translation>上一个标签页</translation>
    </message>
    <message>
        <source>&amp;Session</source>
        <translation>会话(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Platform</source>
        <translation>平台(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About LAP Desktop</source>
        <translation>关于 LAP Desktop(&amp;A)</translation>
    </message>
    <message>
        <source>About LAP Desktop</source>
        <translation>关于 LAP Desktop</translation>
    </message>
    <message>
        <source>&lt;h3&gt;LAP Desktop %1&lt;/h3&gt;&lt;p&gt;Terminal tabs on LiteLLM Agent Platform sandboxes.&lt;/p&gt;&lt;p&gt;Licensed under the GNU General Public License, version 2 or later.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;LAP Desktop %1&lt;/h3&gt;&lt;p&gt;在 LiteLLM Agent Platform 沙箱上打开终端标签页。&lt;/p&gt;&lt;p&gt;依据 GNU 通用公共许可证第 2 版或更高版本授权。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>No open sessions</source>
        <translation>没有打开的会话</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1——%2</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation>重新连接</translation>
    </message>
    <message>
        <source>No saved platform profile named &apos;%1&apos;.</source>
        <translation>没有名为“%1”的已保存平台配置档案。</translation>
    </message>
    <message>
        <source>Reading the master key for %1 from the keychain…</source>
        <translation>正在从密钥环读取 %1 的主密钥…</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Close tab — detaches; the session keeps running on the platform</source>
        <translation>关闭标签页——分离；会话继续在平台上运行</translation>
    </message>
    <message>
        <source>%1
%2: %3</source>
        <translation>%1
%2：%3</translation>
    </message>
    <message>
        <source>&amp;Show Window</source>
        <translation>显示窗口(&amp;S)</translation>
    </message>
    <message>
        <source>Signed in to %1.
Open an agent to get a terminal on a new sandbox, or attach to a running session.</source>
        <translation>已登录到 %1。
打开一个智能体以在新沙箱上获得终端，或连接到正在运行的会话。</translation>
    </message>
    <message>
        <source>Not signed in.</source>
        <translation>未登录。</translation>
    </message>
    <message numerus="yes">
        <source>LAP Desktop — %n session(s) connected</source>
        <translation>
            <numerusform>LAP Desktop——已连接 %n 个会话</numerusform>
        </translation>
    </message>
    <message>
        <source>The master key is kept in memory for this run only: no keychain is available.</source>
        <translation>主密钥仅在本次运行期间保存在内存中：没有可用的密钥环。</translation>
    </message>
    <message>
        <source>Sign Out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>Signed out: the master key of &apos;%1&apos; was removed from the keychain.</source>
        <translation>已退出登录：“%1”的主密钥已从密钥环中删除。</translation>
    </message>
    <message>
        <source>LAP Desktop is still running</source>
        <translation>LAP Desktop 仍在运行</translation>
    </message>
    <message>
        <source>Your sessions stay connected. Use the tray icon to show the window, or Quit to detach them all.</source>
        <translation>您的会话保持连接。使用托盘图标可重新显示窗口，选择“退出”则分离所有会话。</translation>
    </message>
    <message>
        <source>&amp;Terminate Session…</source>
        <translation>终止会话(&amp;T)…</translation>
    </message>
    <message>
        <source>%1 stopped</source>
        <translation>%1 已停止</translation>
    </message>
    <message>
        <source>Terminate Session</source>
        <translation>终止会话</translation>
    </message>
    <message>
        <source>Bell in %1</source>
        <translation>%1 中响铃</translation>
    </message>
    <message>
        <source>Terminate session %1 of %2?</source>
        <translation>要终止 %2 的会话 %1 吗？</translation>
    </message>
    <message>
        <source>This stops the sandbox for everyone attached to it; its shell, files and the agent&apos;s state are lost. Closing the tab instead only detaches.</source>
        <translation>这会为所有连接到该沙箱的人停止沙箱；其 shell、文件和智能体状态都将丢失。而关闭标签页只会分离。</translation>
    </message>
    <message>
        <source>Terminate</source>
        <translation>终止</translation>
    </message>
</context>
<context>
    <name>lap::PlatformRequests</name>
    <message>
        <source>Enter the platform URL, for example https://lap.example.com.</source>
        <translation>请输入平台 URL，例如 https://lap.example.com。</translation>
    </message>
    <message>
        <source>The platform URL must start with http:// or https://.</source>
        <translation>平台 URL 必须以 http:// 或 https:// 开头。</translation>
    </message>
    <message>
        <source>The platform URL has no host name.</source>
        <translation>平台 URL 中没有主机名。</translation>
    </message>
    <message>
        <source>The platform URL must not contain a user name or password.</source>
        <translation>平台 URL 中不能包含用户名或密码。</translation>
    </message>
    <message>
        <source>The platform URL must not contain &apos;?&apos; or &apos;#&apos;.</source>
        <translation>平台 URL 中不能包含“?”或“#”。</translation>
    </message>
    <message>
        <source>Listing agents</source>
        <translation>列出智能体</translation>
    </message>
    <message>
        <source>Looking up the agent</source>
        <translation>查找智能体</translation>
    </message>
    <message>
        <source>Creating the session</source>
        <translation>创建会话</translation>
    </message>
    <message>
        <source>Fetching the session</source>
        <translation>获取会话</translation>
    </message>
    <message>
        <source>Listing sessions</source>
        <translation>列出会话</translation>
    </message>
    <message>
        <source>Deleting the session</source>
        <translation>删除会话</translation>
    </message>
    <message>
        <source>Refreshing the session</source>
        <translation>刷新会话</translation>
    </message>
    <message>
        <source>%1 failed: no platform URL is set.</source>
        <translation>%1失败：未设置平台 URL。</translation>
    </message>
    <message>
        <source>Sign in with the platform URL and master key.</source>
        <translation>请使用平台 URL 和主密钥登录。</translation>
    </message>
</context>
<context>
    <name>lap::RemoteTerminal</name>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>粘贴(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Reset Zoom</source>
        <translation>重置缩放(&amp;R)</translation>
    </message>
</context>
<context>
    <name>lap::ReplyErrors</name>
    <message>
        <source>(+%1 more)</source>
        <translation>（另有 %1 个）</translation>
    </message>
    <message>
        <source>Check that the platform URL points to a LiteLLM Agent Platform.</source>
        <translation>请检查平台 URL 是否指向 LiteLLM Agent Platform。</translation>
    </message>
    <message>
        <source>The platform or a proxy in between may be overloaded; try again.</source>
        <translation>平台或中间代理可能过载；请重试。</translation>
    </message>
    <message>
        <source>%1 failed: %2 is limiting the rate of requests (HTTP 429).</source>
        <translation>%1失败：%2 正在限制请求速率（HTTP 429）。</translation>
    </message>
    <message>
        <source>Wait %1 s and try again.</source>
        <translation>请等待 %1 秒后重试。</translation>
    </message>
    <message>
        <source>Wait a moment and try again.</source>
        <translation>请稍等片刻后重试。</translation>
    </message>
    <message>
        <source>%1 failed: master key rejected by %2 (HTTP %3).</source>
        <translation>%1失败：主密钥被 %2 拒绝（HTTP %3）。</translation>
    </message>
    <message>
        <source>Sign in again with a valid master key.</source>
        <translation>请使用有效的主密钥重新登录。</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <source>%1 failed: %2 (HTTP %3).</source>
        <translation>%1失败：%2（HTTP %3）。</translation>
    </message>
    <message>
        <source>%1 failed: the platform rejected the request (HTTP %2).</source>
        <translation>%1失败：平台拒绝了请求（HTTP %2）。</translation>
    </message>
    <message>
        <source>%1 failed: the platform rejected the request (HTTP %2): %3.</source>
        <translation>%1失败：平台拒绝了请求（HTTP %2）：%3。</translation>
    </message>
    <message>
        <source>conflict</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>%1 failed: server error (HTTP %2).</source>
        <translation>%1失败：服务器错误（HTTP %2）。</translation>
    </message>
    <message>
        <source>%1 failed: server error (HTTP %2): %3</source>
        <translation>%1失败：服务器错误（HTTP %2）：%3</translation>
    </message>
    <message>
        <source>The platform had a problem; try again in a moment.</source>
        <translation>平台出现问题；请稍后再试。</translation>
    </message>
    <message>
        <source>%1 failed: %2 redirected to another site (%3); the master key was not sent there.</source>
        <translation>%1失败：%2 重定向到了其他站点（%3）；主密钥未发送到该站点。</translation>
    </message>
    <message>
        <source>If that site is the platform, use its address as the platform URL.</source>
        <translation>如果该站点就是平台，请将其地址用作平台 URL。</translation>
    </message>
    <message>
        <source>%1 failed: the reply from %2 is larger than %3 MB, so it was not read.</source>
        <translation>%1失败：%2 的响应超过 %3 MB，因此未读取。</translation>
    </message>
    <message>
        <source>%1 failed: %2 sent its reply too slowly (not complete after %3 s).</source>
        <translation>%1失败：%2 发送响应过慢（%3 秒后仍未完成）。</translation>
    </message>
    <message>
        <source>%1 failed: %2 stopped sending its reply (nothing more for %3 s).</source>
        <translation>%1失败：%2 停止发送响应（%3 秒内没有新数据）。</translation>
    </message>
    <message>
        <source>%1 failed: %2 did not answer within %3 s.</source>
        <translation>%1失败：%2 在 %3 秒内没有响应。</translation>
    </message>
    <message>
        <source>The platform may be overloaded or unreachable; try again.</source>
        <translation>平台可能过载或无法访问；请重试。</translation>
    </message>
    <message>
        <source>%1 failed: TLS error talking to %2 (%3).</source>
        <translation>%1失败：与 %2 通信时发生 TLS 错误（%3）。</translation>
    </message>
    <message>
        <source>Check the server certificate, or choose its CA file in Settings.</source>
        <translation>请检查服务器证书，或在设置中选择其 CA 文件。</translation>
    </message>
    <message>
        <source>%1 failed: cannot reach %2 (%3).</source>
        <translation>%1失败：无法连接 %2（%3）。</translation>
    </message>
    <message>
        <source>Check the platform URL and that the platform is running.</source>
        <translation>请检查平台 URL 以及平台是否正在运行。</translation>
    </message>
    <message>
        <source>%1 failed: the platform sent an unexpected reply (%2).</source>
        <translation>%1失败：平台返回了意外的响应（%2）。</translation>
    </message>
    <message>
        <source>the reply is empty</source>
        <translation>响应为空</translation>
    </message>
    <message>
        <source>an HTML page instead of JSON</source>
        <translation>HTML 页面而不是 JSON</translation>
    </message>
    <message>
        <source>an HTML page instead of JSON: %1</source>
        <translation>HTML 页面而不是 JSON：%1</translation>
    </message>
    <message>
        <source>the reply is not JSON: %1 at offset %2</source>
        <translation>响应不是 JSON：%1，位于偏移 %2</translation>
    </message>
    <message>
        <source>the reply should be a JSON object</source>
        <translation>响应应为 JSON 对象</translation>
    </message>
    <message>
        <source>Check the spelling (names are case-sensitive) or use the agent&apos;s id.</source>
        <translation>请检查拼写（名称区分大小写），或使用智能体的 ID。</translation>
    </message>
    <message>
        <source>No agent named &apos;%1&apos; on %2.</source>
        <translation>%2 上没有名为“%1”的智能体。</translation>
    </message>
    <message>
        <source>No agent named &apos;%1&apos; on %2 — the platform has no agents.</source>
        <translation>%2 上没有名为“%1”的智能体——该平台没有任何智能体。</translation>
    </message>
    <message>
        <source>Create an agent on the platform first.</source>
        <translation>请先在平台上创建一个智能体。</translation>
    </message>
    <message numerus="yes">
        <source>%n agent(s) available</source>
        <translation>
            <numerusform>共有 %n 个可用智能体</numerusform>
        </translation>
    </message>
    <message>
        <source>No agent named &apos;%1&apos; on %2 — %3: %4.</source>
        <translation>%2 上没有名为“%1”的智能体——%3：%4。</translation>
    </message>
    <message>
        <source>Enter an agent name or id.</source>
        <translation>请输入智能体名称或 ID。</translation>
    </message>
</context>
<context>
    <name>lap::SessionListModel</name>
    <message>
        <source>&lt; 1 min</source>
        <translation>&lt; 1 分钟</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <source>Open its agent again for a new session.</source>
        <translation>请重新打开其智能体以获得新会话。</translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation>%1前</translation>
    </message>
    <message>
        <source>agent id: %1</source>
        <translation>智能体 ID：%1</translation>
    </message>
    <message>
        <source>created %1</source>
        <translation>创建于 %1</translation>
    </message>
    <message>
        <source>last seen by the platform %1</source>
        <translation>平台最后一次看到：%1</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>智能体</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Last activity</source>
        <translation>最后活动</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>会话</translation>
    </message>
    <message numerus="yes">
        <source>%n session</source>
        <translation>
            <numerusform>%n 个会话</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sessions</source>
        <translation>
            <numerusform>%n 个会话</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n session of “%1”</source>
        <translation>
            <numerusform>“%1”的 %n 个会话</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sessions of “%1”</source>
        <translation>
            <numerusform>“%1”的 %n 个会话</numerusform>
        </translation>
    </message>
    <message>
        <source>Refresh when it is ready.</source>
        <translation>就绪后请刷新。</translation>
    </message>
</context>
<context>
    <name>lap::SettingsDialog</name>
    <message>
        <source>Choose CA certificates</source>
        <translation>选择 CA 证书</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>PEM 证书 (*.pem *.crt *.cer);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>lap::SignInDialog</name>
    <message>
        <source>&amp;Sign in</source>
        <translation>登录(&amp;S)</translation>
    </message>
    <message>
        <source>Hide key</source>
        <translation>隐藏密钥</translation>
    </message>
    <message>
        <source>Show key</source>
        <translation>显示密钥</translation>
    </message>
    <message>
        <source>Imported %1. Sign in to check the key and keep it in the keychain.</source>
        <translation>已导入 %1。请登录以验证密钥并将其保存到密钥环中。</translation>
    </message>
    <message>
        <source>Found a lap CLI config at %1.</source>
        <translation>在 %1 找到了 lap CLI 配置。</translation>
    </message>
    <message>
        <source>Used the lap command-line tool? Import its config file.</source>
        <translation>用过 lap 命令行工具？导入它的配置文件。</translation>
    </message>
    <message>
        <source>Import lap CLI config</source>
        <translation>导入 lap CLI 配置</translation>
    </message>
    <message>
        <source>lap config (config.json);;JSON files (*.json);;All files (*)</source>
        <translation>lap 配置 (config.json);;JSON 文件 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Enter a name for this profile, e.g. default.</source>
        <translation>请为此配置档案输入名称，例如 default。</translation>
    </message>
    <message>
        <source>Enter the platform URL, e.g. https://lap.example.com.</source>
        <translation>请输入平台 URL，例如 https://lap.example.com。</translation>
    </message>
    <message>
        <source>Enter the master key.</source>
        <translation>请输入主密钥。</translation>
    </message>
    <message>
        <source>Checking the key with %1…</source>
        <translation>正在通过 %1 验证密钥…</translation>
    </message>
    <message>
        <source>Saving the key in the keychain…</source>
        <translation>正在将密钥保存到密钥环…</translation>
    </message>
    <message>
        <source>Delete lap CLI config</source>
        <translation>删除 lap CLI 配置</translation>
    </message>
    <message>
        <source>Delete %1? It holds your master key in plain text.</source>
        <translation>要删除 %1 吗？该文件以明文保存着您的主密钥。</translation>
    </message>
    <message>
        <source>The key is now in the keychain. The lap command-line tool reads this file too and will ask you to log in again.</source>
        <translation>密钥现已保存在密钥环中。lap 命令行工具也会读取此文件，因此它会要求您重新登录。</translation>
    </message>
    <message>
        <source>The key was not saved in a keychain: after deleting the file you will have to enter it again next time. The lap command-line tool will ask you to log in again too.</source>
        <translation>密钥未保存到任何密钥环中：删除该文件后，下次需要重新输入密钥。lap 命令行工具也会要求您重新登录。</translation>
    </message>
    <message>
        <source>Could not delete %1: %2. Delete it yourself; it holds your master key in plain text.</source>
        <translation>无法删除 %1：%2。请手动删除它；该文件以明文保存着您的主密钥。</translation>
    </message>
</context>
<context>
    <name>lap::TerminalTab</name>
    <message>
        <source>Opening</source>
        <translation>正在打开</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>正在连接</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>Reconnecting</source>
        <translation>正在重新连接</translation>
    </message>
    <message>
        <source>Detached</source>
        <translation>已分离</translation>
    </message>
    <message>
        <source>Agent exited</source>
        <translation>智能体已退出</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>New session</source>
        <translation>新会话</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Fetching the session</source>
        <translation>正在获取会话</translation>
    </message>
    <message>
        <source>Starting the session</source>
        <translation>正在启动会话</translation>
    </message>
    <message>
        <source>Opening was cancelled.</source>
        <translation>已取消打开。</translation>
    </message>
    <message>
        <source>Session %1 may still be starting on the platform; attach to it later or terminate it.</source>
        <translation>会话 %1 可能仍在平台上启动；请稍后连接到它，或将其终止。</translation>
    </message>
    <message>
        <source>Attaching to session %1…</source>
        <translation>正在连接到会话 %1…</translation>
    </message>
    <message>
        <source>Starting %1…</source>
        <translation>正在启动 %1…</translation>
    </message>
    <message>
        <source>requesting a sandbox</source>
        <translation>正在请求沙箱</translation>
    </message>
    <message>
        <source>%1 s elapsed</source>
        <translation>已用时 %1 秒</translation>
    </message>
    <message>
        <source> · session %1</source>
        <translation> · 会话 %1</translation>
    </message>
    <message>
        <source>Connecting to %1</source>
        <translation>正在连接到 %1</translation>
    </message>
    <message>
        <source>Connected to session %1</source>
        <translation>已连接到会话 %1</translation>
    </message>
    <message numerus="yes">
        <source>Reconnecting… keystrokes are not being sent (%n byte(s) dropped).</source>
        <translation>
            <numerusform>正在重新连接… 按键不会被发送（已丢弃 %n 字节）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Detached; the session keeps running on the platform</source>
        <translation>已分离；会话继续在平台上运行</translation>
    </message>
    <message>
        <source>Checking session %1</source>
        <translation>正在检查会话 %1</translation>
    </message>
    <message>
        <source>The session is %1.</source>
        <translation>会话状态为 %1。</translation>
    </message>
    <message>
        <source>%1 Automatic reconnect is off: use Session ▸ Reconnect.</source>
        <translation>%1 自动重新连接已关闭：请使用“会话 ▸ 重新连接”。</translation>
    </message>
    <message>
        <source>%1 Reconnecting in %2 s… keystrokes are not being sent.</source>
        <translation>%1 将在 %2 秒后重新连接… 按键不会被发送。</translation>
    </message>
    <message>
        <source>Detached — the session keeps running on the platform. Press Enter to reattach.</source>
        <translation>已分离——会话继续在平台上运行。按 Enter 重新连接。</translation>
    </message>
    <message>
        <source>%1 Press Enter to start it again.</source>
        <translation>%1 按 Enter 重新启动。</translation>
    </message>
    <message>
        <source>%1 Checking the session…</source>
        <translation>%1 正在检查会话…</translation>
    </message>
    <message>
        <source>Open the agent again to start a new session.</source>
        <translation>请重新打开智能体以启动新会话。</translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation>重新连接</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Open agent again</source>
        <translation>重新打开智能体</translation>
    </message>
    <message>
        <source>Terminating session %1</source>
        <translation>正在终止会话 %1</translation>
    </message>
    <message>
        <source>Session %1 was terminated; its sandbox is gone.</source>
        <translation>会话 %1 已终止；其沙箱已不存在。</translation>
    </message>
    <message numerus="yes">
        <source>Reconnected. %n byte(s) typed while disconnected were not sent.</source>
        <translation>
            <numerusform>已重新连接。断开期间输入的 %n 字节未被发送。</numerusform>
        </translation>
    </message>
    <message>
        <source>Not attached: your master key was not sent to %1.</source>
        <translation>未连接：您的主密钥未发送到 %1。</translation>
    </message>
    <message>
        <source>Sign in to %1 as another profile with its own key, then attach again.</source>
        <translation>请以另一个配置文件并使用其自己的密钥登录 %1，然后再次连接。</translation>
    </message>
    <message>
        <source>Session %1 is on %2. Your master key was saved for %3 and goes nowhere else unless you allow it: whoever runs %2 would receive it and could use it on %3.

Allow it only if %2 is the same platform under another address.</source>
        <translation>会话 %1 位于 %2。您的主密钥是为 %3 保存的，未经您允许不会发送到其他任何地方：运行 %2 的任何人都会收到它，并可在 %3 上使用它。

仅当 %2 是同一平台的另一个地址时才允许。</translation>
    </message>
    <message>
        <source>Send Key to %1</source>
        <translation>将密钥发送到 %1</translation>
    </message>
    <message>
        <source>Waiting for you to allow sending the master key to %1</source>
        <translation>正在等待您允许将主密钥发送到 %1</translation>
    </message>
    <message>
        <source>Connecting to the terminal</source>
        <translation>连接到终端</translation>
    </message>
    <message>
        <source>Connection news</source>
        <translation>连接消息</translation>
    </message>
</context>
<context>
    <name>lap::TtyWording</name>
    <message>
        <source>normal closure</source>
        <translation>正常关闭</translation>
    </message>
    <message>
        <source>going away</source>
        <translation>对端离开</translation>
    </message>
    <message>
        <source>protocol error</source>
        <translation>协议错误</translation>
    </message>
    <message>
        <source>unsupported data</source>
        <translation>不支持的数据</translation>
    </message>
    <message>
        <source>no status</source>
        <translation>无状态码</translation>
    </message>
    <message>
        <source>abnormal closure</source>
        <translation>异常关闭</translation>
    </message>
    <message>
        <source>invalid data</source>
        <translation>无效数据</translation>
    </message>
    <message>
        <source>policy violation</source>
        <translation>违反策略</translation>
    </message>
    <message>
        <source>message too big</source>
        <translation>消息过大</translation>
    </message>
    <message>
        <source>missing extension</source>
        <translation>缺少扩展</translation>
    </message>
    <message>
        <source>server error</source>
        <translation>服务器错误</translation>
    </message>
    <message>
        <source>service restart</source>
        <translation>服务重启</translation>
    </message>
    <message>
        <source>try again later</source>
        <translation>请稍后重试</translation>
    </message>
    <message>
        <source>bad gateway</source>
        <translation>网关错误</translation>
    </message>
    <message>
        <source>The agent exited.</source>
        <translation>智能体已退出。</translation>
    </message>
    <message>
        <source>The agent exited (%1).</source>
        <translation>智能体已退出（%1）。</translation>
    </message>
    <message>
        <source>The sandbox could not start the agent.</source>
        <translation>沙箱无法启动智能体。</translation>
    </message>
    <message>
        <source>The sandbox could not start the agent (%1).</source>
        <translation>沙箱无法启动智能体（%1）。</translation>
    </message>
    <message>
        <source>Connection lost.</source>
        <translation>连接已断开。</translation>
    </message>
    <message>
        <source>Connection lost (code %1).</source>
        <translation>连接已断开（代码 %1）。</translation>
    </message>
    <message>
        <source>Connection lost (code %1 — %2).</source>
        <translation>连接已断开（代码 %1——%2）。</translation>
    </message>
    <message>
        <source>Connection lost (code %1: %2).</source>
        <translation>连接已断开（代码 %1：%2）。</translation>
    </message>
    <message>
        <source>Connection lost (code %1: %2 — %3).</source>
        <translation>连接已断开（代码 %1：%2——%3）。</translation>
    </message>
    <message>
        <source>Could not check the session (%1) — try reconnecting.</source>
        <translation>无法检查会话（%1）——请尝试重新连接。</translation>
    </message>
    <message>
        <source>The session is still running — reconnect to continue.</source>
        <translation>会话仍在运行——重新连接即可继续。</translation>
    </message>
    <message>
        <source>Session is %1 — reconnect once it is ready.</source>
        <translation>会话状态为 %1——就绪后请重新连接。</translation>
    </message>
    <message>
        <source>Session is %1.</source>
        <translation>会话状态为 %1。</translation>
    </message>
    <message>
        <source>Session is %1 — %2.</source>
        <translation>会话状态为 %1——%2。</translation>
    </message>
    <message>
        <source>the server sent an invalid close code</source>
        <translation>服务器发送了无效的关闭代码</translation>
    </message>
    <message>
        <source>The sandbox refused the terminal connection: TTY token rejected (HTTP 401).</source>
        <translation>沙箱拒绝了终端连接：TTY 令牌被拒绝（HTTP 401）。</translation>
    </message>
    <message>
        <source>The pod may predate the platform&apos;s harness token: restart the session, or set LAP_TTY_TOKEN.</source>
        <translation>该 Pod 可能早于平台的 harness 令牌创建：请重启会话，或设置 LAP_TTY_TOKEN。</translation>
    </message>
    <message>
        <source>The sandbox refused the terminal connection: no TTY token was sent (HTTP 401).</source>
        <translation>沙箱拒绝了终端连接：未发送 TTY 令牌（HTTP 401）。</translation>
    </message>
    <message>
        <source>The platform returned no tty_token: set LAP_TTY_TOKEN.</source>
        <translation>平台未返回 tty_token：请设置 LAP_TTY_TOKEN。</translation>
    </message>
    <message>
        <source>The sandbox is not ready for a terminal yet (HTTP 503).</source>
        <translation>沙箱尚未准备好提供终端（HTTP 503）。</translation>
    </message>
    <message>
        <source>It is starting or restarting; try again in a moment.</source>
        <translation>沙箱正在启动或重启；请稍后再试。</translation>
    </message>
    <message>
        <source>Cannot reach the sandbox (HTTP 502).</source>
        <translation>无法连接沙箱（HTTP 502）。</translation>
    </message>
    <message>
        <source>The pod may be gone, or the platform&apos;s proxy still remembers an old address (up to 30 s after a restart).</source>
        <translation>该 Pod 可能已不存在，或平台代理仍在使用旧地址（重启后最多 30 秒）。</translation>
    </message>
    <message>
        <source>The terminal connection was refused (HTTP %1).</source>
        <translation>终端连接被拒绝（HTTP %1）。</translation>
    </message>
    <message>
        <source>The pod may be gone or the address unreachable.</source>
        <translation>该 Pod 可能已不存在，或地址无法访问。</translation>
    </message>
    <message>
        <source>The terminal URL is not a valid ws:// or wss:// URL.</source>
        <translation>终端 URL 不是有效的 ws:// 或 wss:// URL。</translation>
    </message>
    <message>
        <source>Cannot reach the sandbox at %1: no answer within %2 s.</source>
        <translation>无法连接位于 %1 的沙箱：%2 秒内无响应。</translation>
    </message>
    <message>
        <source>TLS error connecting to the sandbox: %1.</source>
        <translation>连接沙箱时发生 TLS 错误：%1。</translation>
    </message>
    <message>
        <source>Cannot reach the sandbox at %1: %2.</source>
        <translation>无法连接位于 %1 的沙箱：%2。</translation>
    </message>
</context>
</TS>

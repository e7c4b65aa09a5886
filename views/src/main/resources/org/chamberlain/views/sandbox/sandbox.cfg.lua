-- Prosody 0.12.x configuration for `chamberlain sandbox`: a private server to try Chamberlain on.
-- Loopback only; real accounts with hashed passwords (internal_hashed) in a temp directory that
-- lives as long as the sandbox; the real clock. Everything comes from the environment, so several
-- sandboxes (and the test harness) can run side by side:
--
--   XMPP_TEST_DIR       writable temp dir (accounts, rooms, pidfile, log)
--   XMPP_TEST_PORT      client port on 127.0.0.1
--   XMPP_TEST_HTTP_PORT HTTP port on 127.0.0.1 (unused, but LocalProsody always provides one)
--   SANDBOX_DOMAIN      the VirtualHost, e.g. "sandbox.localhost"
--   SANDBOX_ADMIN       a bare JID that administers the server (may destroy any room)
--
-- Every global option must stay ABOVE the first VirtualHost/Component line: below it, an option
-- silently belongs to that host.

local dir = assert(ENV_XMPP_TEST_DIR, "set XMPP_TEST_DIR");
local port = assert(tonumber(ENV_XMPP_TEST_PORT), "set XMPP_TEST_PORT");
local http_port = assert(tonumber(ENV_XMPP_TEST_HTTP_PORT), "set XMPP_TEST_HTTP_PORT");
local domain = assert(ENV_SANDBOX_DOMAIN, "set SANDBOX_DOMAIN");
local admin = assert(ENV_SANDBOX_ADMIN, "set SANDBOX_ADMIN");

-- Without it Prosody started as root keeps running half-initialised (seen with 0.12.3).
run_as_root = true
data_path = dir
pidfile = dir .. "/prosody.pid"
certificates = dir
log = { { levels = { min = "info" }, to = "file", filename = dir .. "/prosody.log" } }

c2s_ports = { port }
c2s_interfaces = { "127.0.0.1" }
c2s_direct_tls_ports = { }
http_ports = { http_port }
http_interfaces = { "127.0.0.1" }
https_ports = { }
modules_disabled = { "s2s" }
network_settings = { nagle = false }

-- admin@<domain> too: Prosody's own test server makes admin@localhost its admin, and the script console moves a
-- script's localhost accounts to this domain, so suite scripts that act as server admin (muc_create_destroy's
-- "Destroy Rooms" command) work here as well. The account exists only if a script asks for it.
admins = { admin, "admin@" .. domain }

modules_enabled = {
	"roster"; "saslauth"; "disco"; "carbons"; "pep"; "private"; "blocklist";
	"vcard4"; "vcard_legacy"; "version"; "uptime"; "time"; "ping"; "mam";
}

-- Normal authentication: only the accounts the sandbox registers can log in.
authentication = "internal_hashed"
storage = "internal"
allow_registration = false
-- The server has no certificate and listens on loopback only, so plaintext is accepted there.
c2s_require_encryption = false
allow_unencrypted_plain_auth = true

VirtualHost (domain)
	-- As on Prosody's own test server, so that its suite scripts replay here from the console (version.scs).
	hide_os_type = true

Component ("conference." .. domain) "muc"
	modules_enabled = { "muc_mam" }
	muc_tombstones = false
	restrict_room_creation = false

-- Publish-subscribe and file upload services, named as on Prosody's test server (pubsub., upload.): every
-- feature the suite scripts exercise can be tried on the sandbox.
Component ("pubsub." .. domain) "pubsub"
	expose_publisher = true

Component ("upload." .. domain) "http_file_share"
	http_file_share_size_limit = 10000000
	http_file_share_allowed_file_types = { "text/plain", "image/*" }

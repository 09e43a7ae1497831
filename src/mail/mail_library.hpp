#pragma once
// The mail layer: parsing and composing MIME (GMime 3) and talking IMAP and SMTP (libcurl).
// Generic like http/: it knows no customer, conversation or database; the application maps
// what it parses onto the service desk's domain (docs/adr/0006-mail-libraries.md).
//
// Both libraries keep process-wide state that must be set up once before any thread uses
// them; every entry point of this layer calls ensure_mail_libraries() first, so callers
// never have to remember.
namespace rapport::mail {

// Initialises GMime and libcurl once per process; thread-safe and cheap after the first call.
void ensure_mail_libraries();

}  // namespace rapport::mail

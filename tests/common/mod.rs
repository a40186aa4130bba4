//! Shared by the tests that put one server reply into a bounce: a minimal Postfix report (a
//! human-readable part and an RFC 3464 part) in which `remote` refused `rcpt` with `reply` in
//! answer to `command` (`RCPT TO`, `MAIL FROM`, `end of DATA` ...), with the given `Status:`.

pub fn postfix_dsn(rcpt: &str, remote: &str, status: &str, command: &str, reply: &str) -> String {
    format!(
        "From: MAILER-DAEMON@mx.example.org (Mail Delivery System)\n\
         To: sender@example.org\n\
         Subject: Undelivered Mail Returned to Sender\n\
         Date: Thu, 3 Dec 2026 10:00:00 +0000\n\
         MIME-Version: 1.0\n\
         Content-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\n\
         \n\
         --B\n\
         Content-Type: text/plain\n\
         \n\
         This is the mail system at host mx.example.org.\n\
         \n\
         <{rcpt}>: host {remote}[192.0.2.1] said: {reply} (in reply to {command} command)\n\
         \n\
         --B\n\
         Content-Type: message/delivery-status\n\
         \n\
         Reporting-MTA: dns; mx.example.org\n\
         \n\
         Final-Recipient: rfc822; {rcpt}\n\
         Action: failed\n\
         Status: {status}\n\
         Remote-MTA: dns; {remote}\n\
         Diagnostic-Code: smtp; {reply}\n\
         \n\
         --B--\n"
    )
}

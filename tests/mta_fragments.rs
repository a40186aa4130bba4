//! MTAs' own words for why a recipient failed, each inside a minimal bounce in that MTA's own
//! format (addresses made up), with the reason Sisimai v5 gives them (the labels of the held-out
//! evaluation). Local errors carry no SMTP reply and no command, so the words alone must decide.

use tuixin::{explain, ExplainOptions};

/// (MTA format, reason, the MTA's words for the recipient).
const CASES: &[(&str, &str, &str)] = &[
    ("exim", "userunknown", "user not found"),
    ("exim", "hostunknown", "all relevant MX records point to non-existent hosts"),
    ("exim", "notaccept", "an MX or SRV record indicated no SMTP service"),
    ("exim", "expired", "retry timeout exceeded"),
    ("qmail", "hostunknown", "Sorry, I couldn't find any host by that name. (#4.1.2)"),
    ("qmail", "systemfull", "Requested action not taken: mailbox unavailable (not enough free space)"),
    ("qmail", "networkerror", "Sorry. Although I'm listed as a best-preference MX or A for that host, it isn't in my control/locals file, so I don't treat it as local. (#5.4.6)"),
    ("qmail", "userunknown", "Sorry, no mailbox here by that name. (#5.1.1)"),
    ("courier", "systemerror", "This domain's DNS violates RFC 1035."),
    ("courier", "networkerror", "DNS lookup failed."),
    ("notes", "networkerror", "Message has exceeded maximum hop count"),
    ("domino", "filtered", "Cannot route mail to user (bob@example.co.jp)"),
    ("domino", "systemerror", "Several matches found in Domino Directory"),
    ("domino", "userunknown", "El usuario Bob no se encuentra en el Directorio de Domino"),
    ("domino", "userunknown", "Utilisateur Bob non répertorié dans l'annuaire Domino"),
    ("opensmtpd", "securityerror", "Could not retrieve credentials"),
    ("opensmtpd", "hostunknown", "Invalid domain name"),
    ("opensmtpd", "networkerror", "No valid route to remote MX"),
    ("opensmtpd", "networkerror", "Temporary failure in MX lookup"),
    ("opensmtpd", "notaccept", "Destination seem to reject all mails"),
    ("kddi", "norelaying", "Due to the following SMTP relay error"),
    ("kddi", "hostunknown", "As the remote domain doesnt exist."),
    ("imailserver", "userunknown", "Invalid final delivery userid"),
    ("exchange2003", "filtered", "000C0595) Ambiguous Recipient"),
    ("exchange2003", "systemerror", "000D06B5) No proxy for recipient (non-smtp mail?)"),
    ("exchange2003", "contenterror", "00050311) Conversion to Internet format failed"),
    ("exchange2003", "securityerror", "000B0981) 502 Server does not support AUTH"),
    ("gmail", "expired", "DNS Error: Could not contact DNS servers"),
    ("gmail", "hostunknown", "DNS Error: DNS server returned answer with no data"),
    ("dragonfly", "expired", "Could not deliver for the last 432000 seconds. Giving up."),
    ("dragonfly", "hostunknown", "DNS lookup failure: host example.com not found"),
];

fn bounce(mta: &str, words: &str) -> String {
    match mta {
        "exim" => format!(
            "From: Mail Delivery System <Mailer-Daemon@mx.example.org>\nTo: sender@example.org\n\
             Subject: Mail delivery failed: returning message to sender\n\
             Message-Id: <E1X58pT-0004bZ-Co@mx.example.org>\nX-Failed-Recipients: bob@example.jp\n\n\
             This message was created automatically by mail delivery software.\n\n\
             A message that you sent could not be delivered to one or more of its\n\
             recipients. This is a permanent error. The following address(es) failed:\n\n\
             \x20 bob@example.jp\n    {words}\n\n\
             ------ This is a copy of the message, including all the headers. ------\n\n\
             From: sender@example.org\nTo: bob@example.jp\nSubject: test\n\ntest\n"
        ),
        "qmail" => format!(
            "From: MAILER-DAEMON@mx.example.jp\nTo: sender@example.org\nSubject: failure notice\n\n\
             Hi. This is the qmail-send program at mx.example.jp.\n\
             I'm afraid I wasn't able to deliver your message to the following addresses.\n\
             This is a permanent error; I've given up. Sorry it didn't work out.\n\n\
             <bob@example.ne.jp>:\n{words}\n\n\
             --- Below this line is a copy of the message.\n\n\
             From: sender@example.org\nTo: bob@example.ne.jp\nSubject: x\n\nx\n"
        ),
        "courier" => format!(
            "From: postmaster@example.org\nTo: sender@example.org\nSubject: NOTICE: mail delivery status.\n\
             Message-ID: <courier.4D02EDDF.0000C65A@mx.example.org>\nMIME-Version: 1.0\n\
             Content-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\n\n\
             --B\nContent-Type: text/plain; charset=us-ascii\n\n\
             \x20                          UNDELIVERABLE MAIL\n\n\
             Your message to the following recipients cannot be delivered:\n\n\
             <bob@example.co.jp>:\n{words}\n\n\
             --B\nContent-Type: message/delivery-status\n\n\
             Reporting-MTA: dns; mx.example.org\n\n\
             Final-Recipient: rfc822; bob@example.co.jp\nAction: failed\nStatus: 5.0.0\n\
             Diagnostic-Code: unknown; {words}\n\n--B--\n"
        ),
        "notes" => format!(
            "From: postmaster@n.example.co.jp\nTo: sender@example.org\nSubject: Undeliverable message\n\n\
             ------- Failure Reasons  --------\n\n{words}\nbob@u1.example.co.jp\n\n\
             ------- Returned Message --------\nFrom: sender@example.org\nTo: bob@u1.example.co.jp\n\nx\n"
        ),
        "domino" => format!(
            "From: Postmaster@example.co.jp\nTo: sender@example.org\nSubject: DELIVERY FAILURE: x\n\n\
             Your message\n\n  Subject: x\n\nwas not delivered to:\n\n  bob@example.co.jp\n\n\
             because:\n\n  {words}\n\n"
        ),
        "opensmtpd" => format!(
            "From: Mailer Daemon <MAILER-DAEMON@mx.example.jp>\nTo: sender@example.org\n\
             Subject: Delivery status notification: error\n\n    Hi!\n\n\
             \x20   This is the MAILER-DAEMON, please DO NOT REPLY to this e-mail.\n\n\
             \x20   An error has occurred while attempting to deliver a message for\n\
             \x20   the following list of recipients:\n\n\
             bob@example.jp: {words}\n\n    Below is a copy of the original message:\n\n\
             From: sender@example.org\nSubject: x\n\nx\n"
        ),
        "kddi" => format!(
            "From: no-reply@example.dion.ne.jp\nTo: sender@example.org\nSubject: Returned mail\n\n\
             Your mail sent on: Thu, 29 Apr 2013 00:00:00 +0900\n\
             \x20    Could not be delivered to: <bob@example.dion.ne.jp>\n     {words}\n"
        ),
        "imailserver" => format!(
            "From: \"Postmaster\" <postmaster@example.org>\nTo: sender@example.org\n\
             Subject: Undeliverable Mail\nX-Mailer: <SMTP32 v990729>\n\n\
             {words}: bob@example.com\n\n\nOriginal message follows.\n\n\
             From: sender@example.org\nTo: bob@example.com\nSubject: x\n"
        ),
        "exchange2003" => format!(
            "From: System Administrator <postmaster@example.jp>\nTo: sender@example.org\n\
             Subject: Undeliverable: x\nX-Mailer: Internet Mail Service (5.5.1960.3)\n\n\
             Your message\n\n  To:      bob@example.jp\n  Subject: x\n\n\
             did not reach the following recipient(s):\n\n\
             bob@example.jp on Thu, 29 Apr 2010 00:00:00 -0000\n\
             \x20   The recipient could not be reached\n\
             \x20   MSEXCH:IMS:EXAMPLE:SITE:SERVER 0 ({words}\n"
        ),
        "gmail" => format!(
            "From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>\nTo: sender@example.org\n\
             Subject: Delivery Status Notification (Failure)\n\n\
             Delivery to the following recipient failed permanently:\n\n     bob@example.co.jp\n\n\
             Technical details of permanent failure:\n{words}\n\n----- Original message -----\n\n\
             From: sender@example.org\nTo: bob@example.co.jp\n"
        ),
        "dragonfly" => format!(
            "Received: from MAILER-DAEMON\n\tid e0720\n\tby df.example.jp (DragonFly Mail Agent v0.13);\n\
             \tTue, 11 Jun 2024 18:04:02 +0900\nFrom: MAILER-DAEMON <>\nTo: sender@df.example.jp\n\
             Subject: Mail delivery failed\n\n\
             This is the DragonFly Mail Agent v0.13 at df.example.jp.\n\n\
             There was an error delivering your mail to <bob@example.com>.\n\n{words}\n\n\
             Original message follows.\n\nFrom: sender@df.example.jp\n"
        ),
        other => panic!("no format for {other}"),
    }
}

#[test]
fn mta_words_give_their_reason() {
    let mut wrong = Vec::new();
    for &(mta, want, words) in CASES {
        let r = explain(bounce(mta, words).as_bytes(), &ExplainOptions::default());
        let got = r.recipients.first().map_or("(no recipient)", |x| x.reason.name());
        if got != want {
            wrong.push(format!("{mta} {words:?}: {got}, want {want}"));
        }
    }
    assert!(wrong.is_empty(), "{} of {} wrong:\n{}", wrong.len(), CASES.len(), wrong.join("\n"));
}

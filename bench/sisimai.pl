#!/usr/bin/perl
# The Perl side of `make bench` (scripts/bench.sh): Sisimai (Debian's libsisimai-perl) over the
# same message files as tuixin, in one process. Files are read into memory first; each is then
# given to Sisimai->make as a scalar reference (Sisimai::Mail::Memory), so I/O is not timed.
# Each rate is the best of three samples of at least MIN_SECONDS (default 1). Prints one JSON object.
#   perl bench/sisimai.pl FILE_LIST [MIN_SECONDS]
use strict;
use warnings;
use Sisimai;
use Time::HiRes qw(time);

my ($list, $min) = @ARGV;
die "usage: perl bench/sisimai.pl FILE_LIST [MIN_SECONDS]\n" unless defined $list;
$min //= 1;
open(my $fh, '<', $list) or die "read $list: $!\n";
my @files = grep { length } map { chomp; $_ } <$fh>;
close $fh;
my @data;
my $bytes = 0;
for my $p (@files) {
    open(my $m, '<:raw', $p) or die "read $p: $!\n";
    local $/;
    my $d = <$m>;
    close $m;
    $bytes += length $d;
    push @data, $d;
}

my $found = 0;
my $round = sub {
    for my $d (@data) {
        my $copy = $d;    # Sisimai may modify what it is given
        my $r = Sisimai->make(\$copy);
        $found += scalar @$r if $r;
    }
};
$round->();    # warm-up: loads every module Sisimai requires lazily
# The best of three samples of at least $min seconds (the machine may be shared).
my $best   = 0;
my $rounds = 0;
for my $sample (1 .. 3) {
    my $start = time;
    my $n     = 0;
    while ($n == 0 || time - $start < $min) {
        $round->();
        $n++;
    }
    my $r = $n * scalar(@data) / (time - $start);
    $best = $r if $r > $best;
    $rounds += $n;
}
# The same in messages per CPU second of the process (user + system, clock-tick resolution): what
# the work cost, which a shared machine disturbs far less than the wall clock.
my $best_cpu = 0;
for my $sample (1 .. 3) {
    my $start = time;
    my ($u0, $s0) = times;
    my $n = 0;
    while ($n == 0 || time - $start < $min) {
        $round->();
        $n++;
    }
    my ($u1, $s1) = times;
    my $cpu = ($u1 - $u0) + ($s1 - $s0);
    if ($cpu > 0) {
        my $r = $n * scalar(@data) / $cpu;
        $best_cpu = $r if $r > $best_cpu;
    }
}
printf "{\"side\":\"sisimai\",\"version\":\"%s\",\"messages\":%d,\"message_bytes\":%d,\"explain_per_s\":%.3f,\"rounds\":%d,\"explain_cpu_per_s\":%.3f}\n",
    Sisimai->version, scalar @data, $bytes, $best, $rounds, $best_cpu;

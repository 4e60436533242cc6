import Foundation
import Glibc

/// A finished child process: exit status, wall time, CPU time, peak memory and what it wrote to standard output.
struct ChildRun {
    var status: Int32
    var seconds: Double
    /// User plus system time of the child (from wait4), to see how many cores it kept busy.
    var cpuSeconds: Double
    /// The child's peak resident set (VmHWM of /proc/PID/status, polled while it runs), in bytes.
    var maxRSSBytes: Int
    var output: String
}

/// Runs a program with posix_spawn and reaps it with wait4.
///
/// The peak memory is polled from /proc rather than taken from ru_maxrss: posix_spawn starts the child inside
/// the parent's address space (vfork), and Linux keeps that address space's high-water mark in the child's
/// ru_maxrss after exec, so ru_maxrss (and RUSAGE_CHILDREN) would report this benchmark's own memory.
enum Subprocess {
    static let pollInterval: useconds_t = 20_000

    static func run(_ executable: String, _ arguments: [String], stdoutTo outputFile: String) throws(BenchError) -> ChildRun {
        let command = ([executable] + arguments).joined(separator: " ")
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, outputFile, O_WRONLY | O_CREAT | O_TRUNC, 0o644)

        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }

        var pid: pid_t = 0
        let clock = ContinuousClock()
        let started = clock.now
        let spawned = argv.withUnsafeBufferPointer { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return EINVAL }
            return posix_spawn(&pid, executable, &actions, nil, base, environ)
        }
        guard spawned == 0 else { throw .subprocess(command: command, reason: String(cString: strerror(spawned))) }

        var status: Int32 = 0
        var usage = rusage()
        var peak = 0
        while true {
            let reaped = wait4(pid, &status, WNOHANG, &usage)
            if reaped == pid { break }
            if reaped < 0 {
                guard errno == EINTR else { throw .subprocess(command: command, reason: String(cString: strerror(errno))) }
                continue
            }
            peak = max(peak, highWaterMark(of: pid))
            usleep(pollInterval)
        }
        let seconds = (clock.now - started).seconds
        let output = (try? String(contentsOfFile: outputFile, encoding: .utf8)) ?? ""
        let exited = status & 0x7F == 0
        func time(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return ChildRun(status: exited ? (status >> 8) & 0xFF : 128 + (status & 0x7F), seconds: seconds,
                        cpuSeconds: time(usage.ru_utime) + time(usage.ru_stime), maxRSSBytes: peak, output: output)
    }

    /// VmHWM of a running process in bytes (0 when it cannot be read).
    static func highWaterMark(of pid: pid_t) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kilobytes = line.split(separator: " ").dropFirst().first.flatMap({ Int($0) }) else { return 0 }
        return kilobytes * 1024
    }
}

extension Duration {
    var seconds: Double {
        let (s, atto) = components
        return Double(s) + Double(atto) / 1e18
    }
}

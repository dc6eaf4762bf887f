import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Moves bytes between the parent and a child's pipes on one thread with poll(2), so a child that writes while we
/// feed it, or fills stderr while stdout is quiet, never waits on us.
enum Exchange {
    /// Writes `input` into `stdin` and reads each of `outputs` to its end, closing every descriptor when done with it;
    /// returns what each output carried. A child that stops reading (EPIPE) just gets no more input.
    ///
    /// Call it on a thread of its own that ends after: SIGPIPE is blocked on the calling thread, and the one a closed
    /// pipe raises stays pending there until the thread ends, instead of killing the process.
    static func run(input: Data, stdin: Int32?, outputs: [Int32]) -> [Data] {
        var pipeSignal = sigset_t()
        sigemptyset(&pipeSignal)
        sigaddset(&pipeSignal, SIGPIPE)
        pthread_sigmask(SIG_BLOCK, &pipeSignal, nil)

        var writing = stdin
        var written = 0
        if let descriptor = writing {
            _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
        }
        func finishWriting() {
            if let descriptor = writing { close(descriptor) }
            writing = nil
        }
        if input.isEmpty { finishWriting() }

        var reading = outputs
        var collected = [Data](repeating: Data(), count: outputs.count)
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while writing != nil || reading.contains(where: { $0 >= 0 }) {
            var polled = reading.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            if let descriptor = writing { polled.append(pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)) }
            guard poll(&polled, nfds_t(polled.count), -1) >= 0 else {
                if errno == EINTR { continue }
                break
            }
            if let descriptor = writing, (polled.last?.revents ?? 0) != 0 {
                let count = input.withUnsafeBytes { bytes in
                    write(descriptor, bytes.baseAddress! + written, bytes.count - written)
                }
                if count > 0 { written += count }
                if written == input.count || (count < 0 && errno != EAGAIN && errno != EINTR) { finishWriting() }
            }
            for index in reading.indices where reading[index] >= 0 && polled[index].revents != 0 {
                let count = read(reading[index], &buffer, buffer.count)
                if count > 0 {
                    collected[index].append(contentsOf: buffer[0..<count])
                } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
                    close(reading[index])
                    reading[index] = -1
                }
            }
        }
        finishWriting()
        reading.filter { $0 >= 0 }.forEach { close($0) }
        return collected
    }
}

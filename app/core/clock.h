#pragma once
// Time is injected: anything that asks "when?" takes a Clock, so tests can move time by hand.
#include <chrono>

namespace vigil {

using TimePoint = std::chrono::sys_seconds;
using Minutes = std::chrono::minutes;
using Hours = std::chrono::hours;

class Clock {
public:
    virtual ~Clock() = default;
    virtual TimePoint now() const = 0;
};

class SystemClock final : public Clock {
public:
    TimePoint now() const override {
        return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    }
};

// For tests and for replaying history (vigil demo, vigil evaluate with "at").
class ManualClock final : public Clock {
public:
    explicit ManualClock(TimePoint start) : m_now(start) {}
    TimePoint now() const override { return m_now; }
    void set(TimePoint t) { m_now = t; }
    void advance(std::chrono::seconds by) { m_now += by; }

private:
    TimePoint m_now;
};

} // namespace vigil

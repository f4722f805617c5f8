// Writes a deterministic synthetic transaction log (CSV) for the analytics benchmark: BG/NBD-like
// purchase timing with gamma/beta heterogeneity, log-normal spend and Zipf product popularity.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace {

constexpr int kDays = 730;        // two years of dates from kFirstDay
constexpr int kFirstYear = 2022;  // the log starts on 2022-01-01
constexpr double kShapeR = 0.5;   // gamma shape of the purchase rates
constexpr double kDropA = 0.8;    // beta(a, b) of the drop-out probability per purchase
constexpr double kDropB = 2.5;
constexpr double kZipfExponent = 1.1;  // product popularity
constexpr double kSpendSigma = 0.9;    // log-normal spread of a customer's spend level
constexpr double kPriceSigma = 1.0;    // log-normal spread of product prices
constexpr std::uint64_t kFirstCustomer = 100000;

struct Options {
  std::uint64_t customers = 1'000'000;
  std::uint64_t lines = 10'000'000;
  std::uint64_t products = 3'000;
  std::uint64_t seed = 1;
  std::string out = "-";
};

// xoshiro256** seeded through splitmix64: portable, so a seed gives the same file with any
// compiler (the std:: distributions are implementation-defined).
class Rng {
 public:
  explicit Rng(std::uint64_t seed) {
    for (auto& s : state_) s = splitmix(seed);
  }
  std::uint64_t next() {
    const std::uint64_t result = rotl(state_[1] * 5, 7) * 9;
    const std::uint64_t t = state_[1] << 17;
    state_[2] ^= state_[0];
    state_[3] ^= state_[1];
    state_[1] ^= state_[2];
    state_[0] ^= state_[3];
    state_[2] ^= t;
    state_[3] = rotl(state_[3], 45);
    return result;
  }
  // Uniform in (0, 1): never 0, so logs are finite.
  double uniform() { return (static_cast<double>(next() >> 11) + 0.5) * 0x1.0p-53; }
  double exponential(double rate) { return -std::log(uniform()) / rate; }
  double normal() {
    return std::sqrt(-2.0 * std::log(uniform())) * std::cos(6.283185307179586 * uniform());
  }
  // Marsaglia–Tsang; shapes below 1 through the u^(1/shape) boost.
  double gamma(double shape) {
    if (shape < 1.0) return gamma(shape + 1.0) * std::pow(uniform(), 1.0 / shape);
    const double d = shape - 1.0 / 3.0;
    const double c = 1.0 / std::sqrt(9.0 * d);
    for (;;) {
      double x = normal();
      double v = 1.0 + c * x;
      if (v <= 0) continue;
      v = v * v * v;
      const double u = uniform();
      if (std::log(u) < 0.5 * x * x + d - d * v + d * std::log(v)) return d * v;
    }
  }
  double beta(double a, double b) {
    const double x = gamma(a);
    return x / (x + gamma(b));
  }
  // Number of failures before the first success with mean m ≥ 0.
  std::uint64_t geometric(double mean) {
    if (mean <= 0) return 0;
    return static_cast<std::uint64_t>(
        std::floor(std::log(uniform()) / std::log(mean / (1 + mean))));
  }

 private:
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  static std::uint64_t splitmix(std::uint64_t& x) {
    std::uint64_t z = (x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  std::uint64_t state_[4];
};

// One customer's purchase days (BG/NBD process): acquired on a uniform day, buys at exponential
// gaps with a gamma rate, and after each purchase leaves with a beta-distributed probability.
struct Customer {
  double spend_level = 1;
  std::vector<int> days;
};

void simulate(Rng& rng, double rate_scale, Customer& c) {
  c.days.clear();
  const double rate = rng.gamma(kShapeR) * rate_scale;
  const double drop = rng.beta(kDropA, kDropB);
  c.spend_level = std::exp(kSpendSigma * rng.normal());
  double day = rng.uniform() * kDays;
  while (day < kDays) {
    c.days.push_back(static_cast<int>(day));
    if (rng.uniform() < drop) break;
    day += rng.exponential(rate);
  }
}

Rng customer_rng(std::uint64_t seed, std::uint64_t customer) {
  return Rng(seed * 0x100000001b3ULL + customer);
}

std::uint64_t count_purchases(const Options& o, double rate_scale) {
  std::uint64_t total = 0;
  Customer c;
  for (std::uint64_t i = 0; i < o.customers; ++i) {
    Rng rng = customer_rng(o.seed, i);
    simulate(rng, rate_scale, c);
    total += c.days.size();
  }
  return total;
}

// "YYYY-MM-DD" for each day index from 2022-01-01 (proleptic Gregorian, civil_from_days).
std::vector<std::string> day_labels() {
  std::vector<std::string> labels;
  auto days_from_civil = [](int y, unsigned m, unsigned d) {
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<int>(doe) - 719468;
  };
  const int first = days_from_civil(kFirstYear, 1, 1);
  for (int i = 0; i < kDays; ++i) {
    int z = first + i + 719468;
    const int era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    const int y = static_cast<int>(yoe) + era * 400 + (m <= 2);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", y, m, d);
    labels.emplace_back(buf);
  }
  return labels;
}

// Buffered writer with integer and fixed-point formatting; far faster than printf per field.
class Writer {
 public:
  explicit Writer(std::FILE* f) : file_(f) { buffer_.reserve(kFlushAt + 256); }
  ~Writer() { flush(); }
  Writer(const Writer&) = delete;
  Writer& operator=(const Writer&) = delete;
  void text(std::string_view s) {
    buffer_.append(s);
    if (buffer_.size() >= kFlushAt) flush();
  }
  void number(std::uint64_t v) {
    char buf[24];
    auto end = std::to_chars(buf, buf + sizeof buf, v).ptr;
    buffer_.append(buf, end);
  }
  void cents(std::uint64_t v) {  // v / 100 with two decimals
    number(v / 100);
    const char frac[3] = {'.', static_cast<char>('0' + (v / 10) % 10),
                          static_cast<char>('0' + v % 10)};
    buffer_.append(frac, 3);
  }
  bool flush() {
    bool ok = std::fwrite(buffer_.data(), 1, buffer_.size(), file_) == buffer_.size();
    buffer_.clear();
    return ok;
  }

 private:
  static constexpr std::size_t kFlushAt = 1 << 20;
  std::FILE* file_;
  std::string buffer_;
};

bool parse_uint(const char* text, std::uint64_t& out) {
  const char* end = text + std::strlen(text);
  auto [ptr, ec] = std::from_chars(text, end, out);
  return ec == std::errc{} && ptr == end;
}

int usage(const char* why) {
  std::fprintf(stderr,
               "gen_transactions: %s\n"
               "usage: gen_transactions [--customers N] [--lines M] [--products P] [--seed S] "
               "[--out FILE]\n"
               "Writes invoice,customer_id,date,product,quantity,unit_price (about M lines).\n",
               why);
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (i + 1 >= argc) return usage("every option takes a value");
    const char* value = argv[++i];
    bool ok = true;
    if (arg == "--customers")
      ok = parse_uint(value, o.customers) && o.customers > 0;
    else if (arg == "--lines")
      ok = parse_uint(value, o.lines) && o.lines > 0;
    else if (arg == "--products")
      ok = parse_uint(value, o.products) && o.products > 0;
    else if (arg == "--seed")
      ok = parse_uint(value, o.seed);
    else if (arg == "--out")
      o.out = value;
    else
      return usage("unknown option");
    if (!ok) return usage("bad number");
  }

  // Aim for about a third of the lines as invoices: scale the purchase rates until the simulated
  // invoice count is near that (the count is monotone in the scale), then fill the rest of the
  // line budget with extra lines per invoice.
  const double target_invoices = std::max(1.0, static_cast<double>(o.lines) / 3.0);
  double scale = 0.02;
  std::uint64_t invoices = count_purchases(o, scale);
  for (int round = 0; round < 2 && invoices > 0; ++round) {
    scale *= target_invoices / static_cast<double>(invoices);
    invoices = count_purchases(o, scale);
  }
  const double extra_lines =
      std::max(0.0, static_cast<double>(o.lines) / static_cast<double>(invoices) - 1.0);

  std::vector<double> zipf_cdf(o.products);
  std::vector<std::uint64_t> product_price(o.products);  // cents
  {
    Rng rng(o.seed ^ 0x5bd1e995ULL);
    double sum = 0;
    for (std::uint64_t k = 0; k < o.products; ++k) {
      sum += std::pow(static_cast<double>(k + 1), -kZipfExponent);
      zipf_cdf[k] = sum;
      product_price[k] =
          static_cast<std::uint64_t>(std::exp(1.0 + kPriceSigma * rng.normal()) * 100) + 1;
    }
    for (auto& v : zipf_cdf) v /= sum;
  }

  std::FILE* file = o.out == "-" ? stdout : std::fopen(o.out.c_str(), "wb");
  if (file == nullptr) {
    std::fprintf(stderr, "gen_transactions: cannot open %s\n", o.out.c_str());
    return 1;
  }
  const auto labels = day_labels();
  bool ok = true;
  std::uint64_t lines = 0;
  {
    Writer w(file);
    w.text("invoice,customer_id,date,product,quantity,unit_price\n");
    std::uint64_t invoice = 500000;
    Customer c;
    for (std::uint64_t i = 0; i < o.customers; ++i) {
      Rng rng = customer_rng(o.seed, i);
      simulate(rng, scale, c);
      for (int day : c.days) {
        ++invoice;
        const std::uint64_t n = 1 + rng.geometric(extra_lines);
        for (std::uint64_t l = 0; l < n; ++l) {
          const auto k = static_cast<std::uint64_t>(
              std::lower_bound(zipf_cdf.begin(), zipf_cdf.end(), rng.uniform()) - zipf_cdf.begin());
          const std::uint64_t product = std::min(k, o.products - 1);
          const auto price = static_cast<std::uint64_t>(
                                 static_cast<double>(product_price[product]) * c.spend_level) +
                             1;
          w.number(invoice);
          w.text(",");
          w.number(kFirstCustomer + i);
          w.text(",");
          w.text(labels[static_cast<std::size_t>(day)]);
          w.text(",P");
          w.number(product);
          w.text(",");
          w.number(1 + rng.geometric(0.8));
          w.text(",");
          w.cents(price);
          w.text("\n");
          ++lines;
        }
      }
    }
    ok = w.flush();
  }
  if (file != stdout) ok = std::fclose(file) == 0 && ok;
  if (!ok) {
    std::fprintf(stderr, "gen_transactions: write failed\n");
    return 1;
  }
  std::fprintf(stderr, "gen_transactions: %llu customers, %llu invoices, %llu lines\n",
               static_cast<unsigned long long>(o.customers),
               static_cast<unsigned long long>(invoices), static_cast<unsigned long long>(lines));
  return 0;
}

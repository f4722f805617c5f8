// End-to-end tests of `rapport analytics`: the built binary on the real CDNOW and Online Retail
// files, checked against REFERENCE.md's figures, and bad options failing cleanly.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace json = boost::json;

struct Run {
  int exit_code = -1;
  bool signalled = false;
  std::string out;
  std::string err;
};

std::string quote(const std::string& arg) {
  std::string q = "'";
  for (const char c : arg) {
    if (c == '\'') {
      q += "'\\''";
    } else {
      q += c;
    }
  }
  return q + "'";
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Runs the rapport binary with args; captures standard output and standard error.
Run rapport(const std::vector<std::string>& args) {
  // One file per test process: ctest runs several of these tests at once.
  const std::string err_path =
      testing::TempDir() + "analytics_cli_stderr_" + std::to_string(getpid()) + ".txt";
  std::string command = quote(RAPPORT_BINARY);
  for (const auto& a : args) command += " " + quote(a);
  command += " 2>" + quote(err_path);
  Run run;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return run;
  char buf[4096];
  std::size_t n = 0;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) run.out.append(buf, n);
  const int status = pclose(pipe);
  run.signalled = WIFSIGNALED(status);
  if (WIFEXITED(status)) run.exit_code = WEXITSTATUS(status);
  run.err = read_file(err_path);
  std::remove(err_path.c_str());
  return run;
}

std::string data(const std::string& relative) {
  return std::string(RAPPORT_SHARED_DATA) + "/" + relative;
}

// CDNOW_sample.txt: blank-separated, no header: master id, sample id, yyyymmdd, CDs, dollars.
std::vector<std::string> cdnow_input() {
  return {"--transactions",
          data("cdnow/CDNOW_sample.txt"),
          "--whitespace",
          "--customer-col",
          "2",
          "--date-col",
          "3",
          "--date-format",
          "%Y%m%d",
          "--quantity-col",
          "4",
          "--amount-col",
          "5",
          "--quiet"};
}

std::vector<std::string> online_retail_input() {
  return {"--transactions", data("online_retail/online_retail_2010-12_2011-12.csv.gz"),
          "--customer-col", "CustomerID",
          "--date-col",     "InvoiceDate",
          "--date-format",  "%Y-%m-%d %H:%M:%S",
          "--invoice-col",  "InvoiceNo",
          "--quantity-col", "Quantity",
          "--price-col",    "UnitPrice",
          "--clean",        "--quiet"};
}

std::vector<std::string> concat(std::vector<std::string> a, const std::vector<std::string>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

double num(const json::value& v, std::initializer_list<const char*> path) {
  const json::value* at = &v;
  for (const char* key : path) at = &at->as_object().at(key);
  return at->to_number<double>();
}

void expect_relative(double actual, double expected, double tolerance) {
  EXPECT_NEAR(actual, expected, std::abs(expected) * tolerance);
}

class AnalyticsCliTest : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    const auto run =
        rapport(concat({"analytics", "fit"},
                       concat(cdnow_input(), {"--period", "week", "--calibration-end", "1997-09-30",
                                              "--holdout-end", "1998-06-30", "--json"})));
    fit_exit_ = run.exit_code;
    fit_err_ = run.err;
    if (run.exit_code == 0) fit_ = json::parse(run.out);
  }
  static inline json::value fit_;
  static inline int fit_exit_ = -1;
  static inline std::string fit_err_;
};

TEST_F(AnalyticsCliTest, FitReproducesTheCdnowBgNbdReferenceFigures) {
  ASSERT_EQ(fit_exit_, 0) << fit_err_;
  EXPECT_EQ(num(fit_, {"customers"}), 2357);
  EXPECT_EQ(num(fit_, {"repeat_buyers"}), 946);
  // REFERENCE.md §2: r, α, a, b and the maximised LL.
  expect_relative(num(fit_, {"bgnbd", "r"}), 0.242593, 1e-3);
  expect_relative(num(fit_, {"bgnbd", "alpha"}), 4.413532, 1e-3);
  expect_relative(num(fit_, {"bgnbd", "a"}), 0.792886, 1e-3);
  expect_relative(num(fit_, {"bgnbd", "b"}), 2.425752, 1e-3);
  EXPECT_NEAR(num(fit_, {"bgnbd", "log_likelihood"}), -9582.4256, 0.01);
}

TEST_F(AnalyticsCliTest, FitReproducesTheCdnowParetoNbdLogLikelihood) {
  ASSERT_EQ(fit_exit_, 0) << fit_err_;
  // REFERENCE.md §3: β is weakly identified, so the LL is the check; r, α, s are stable.
  EXPECT_NEAR(num(fit_, {"pareto_nbd", "log_likelihood"}), -9594.9739, 0.01);
  expect_relative(num(fit_, {"pareto_nbd", "r"}), 0.553276, 2e-3);
  expect_relative(num(fit_, {"pareto_nbd", "alpha"}), 10.577612, 2e-3);
  expect_relative(num(fit_, {"pareto_nbd", "s"}), 0.606213, 2e-3);
}

TEST_F(AnalyticsCliTest, FitReproducesTheCdnowGammaGammaParameters) {
  ASSERT_EQ(fit_exit_, 0) << fit_err_;
  // REFERENCE.md §4, with zbar derived unrounded from CDNOW_sample.txt.
  expect_relative(num(fit_, {"gamma_gamma", "p"}), 6.248803, 1e-3);
  expect_relative(num(fit_, {"gamma_gamma", "q"}), 3.744588, 1e-3);
  expect_relative(num(fit_, {"gamma_gamma", "v"}), 15.447747, 1e-3);
  EXPECT_NEAR(num(fit_, {"gamma_gamma", "log_likelihood"}), -4055.9177, 0.01);
  EXPECT_EQ(num(fit_, {"gamma_gamma", "repeat_buyers"}), 946);
}

TEST_F(AnalyticsCliTest, FitReportsDiagnosticsAndTheHoldout) {
  ASSERT_EQ(fit_exit_, 0) << fit_err_;
  EXPECT_TRUE(fit_.at("bgnbd").at("converged").as_bool());
  EXPECT_GT(num(fit_, {"bgnbd", "standard_errors", "r"}), 0);
  // REFERENCE.md §1: 1,882 repeat-purchase customer-days in 1997-10-01..1998-06-30.
  EXPECT_EQ(num(fit_, {"holdout", "bgnbd", "actual"}), 1882);
  EXPECT_NEAR(num(fit_, {"holdout", "length"}), 273.0 / 7.0, 1e-9);
  EXPECT_GT(num(fit_, {"holdout", "bgnbd", "predicted"}), 0);
}

TEST(AnalyticsCli, FitPrintsAReadableSummaryWithoutJson) {
  const auto run =
      rapport(concat({"analytics", "fit"},
                     concat(cdnow_input(), {"--calibration-end", "1997-09-30", "--models",
                                            "bgnbd,gamma_gamma", "--holdout-end", "1998-06-30"})));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("customers 2357, repeat buyers 946"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("BG/NBD"), std::string::npos) << run.out;
  EXPECT_EQ(run.out.find("Pareto/NBD"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("actual 1882.0"), std::string::npos) << run.out;
}

TEST_F(AnalyticsCliTest, PredictWritesOneScoredRowPerCustomer) {
  const std::string out = testing::TempDir() + "analytics_cli_predict.csv";
  const auto run =
      rapport(concat({"analytics", "predict"},
                     concat(cdnow_input(), {"--period", "week", "--calibration-end", "1997-09-30",
                                            "--horizon", "39", "--out", out})));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  std::ifstream in(out);
  std::string line;
  std::getline(in, line);
  EXPECT_EQ(line, "customer_id,frequency,recency,T,expected_purchases,p_alive,expected_spend,clv");
  double sum_expected = 0;
  int rows = 0;
  while (std::getline(in, line)) {
    std::vector<double> cells;
    std::stringstream s(line);
    std::string cell;
    std::getline(s, cell, ',');
    while (std::getline(s, cell, ',')) cells.push_back(std::stod(cell));
    ASSERT_EQ(cells.size(), 7u) << line;
    EXPECT_GE(cells[4], 0.0);
    EXPECT_LE(cells[4], 1.0);
    sum_expected += cells[3];
    ++rows;
  }
  EXPECT_EQ(rows, 2357);
  // REFERENCE.md §2: Σ E[Y(39) | x, t_x, T] = 1653.42.
  EXPECT_NEAR(sum_expected, 1653.42, 0.5);
}

TEST(AnalyticsCli, ForecastOfAClosedCohortDeclinesMonthByMonth) {
  const auto run =
      rapport(concat({"analytics", "forecast"},
                     concat(cdnow_input(), {"--period", "week", "--calibration-end", "1997-09-30",
                                            "--months", "12", "--acquisitions", "0", "--json"})));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto f = json::parse(run.out);
  const auto& orders = f.at("customer_base").at("orders").as_array();
  const auto& existing = f.at("customer_base").at("existing_customer_orders").as_array();
  ASSERT_EQ(orders.size(), 12u);
  EXPECT_EQ(f.at("months").as_array().front().as_string(), "1997-10");
  for (std::size_t k = 0; k < orders.size(); ++k) {
    EXPECT_DOUBLE_EQ(orders[k].to_number<double>(), existing[k].to_number<double>());
    if (k > 0) {
      EXPECT_LT(orders[k].to_number<double>(), orders[k - 1].to_number<double>());
    }
  }
  // Nine months are 39.1 weeks: close to REFERENCE.md §2's Σ E[Y(39)] = 1653.42.
  double nine_months = 0;
  for (std::size_t k = 0; k < 9; ++k) nine_months += orders[k].to_number<double>();
  EXPECT_NEAR(nine_months, 1653.42, 5.0);
  // 9 months of history cannot carry a 12-month seasonal model; the JSON says so.
  EXPECT_TRUE(f.at("seasonal_orders").as_object().contains("error"));
}

TEST(AnalyticsCli, RfmAndParetoMatchTheOnlineRetailCleanSet) {
  const auto rfm = rapport(concat(
      {"analytics", "rfm"}, concat(online_retail_input(), {"--snapshot", "2011-12-10", "--json"})));
  ASSERT_EQ(rfm.exit_code, 0) << rfm.err;
  const auto r = json::parse(rfm.out);
  // REFERENCE.md §6.
  EXPECT_EQ(num(r, {"customers"}), 4338);
  EXPECT_NEAR(num(r, {"revenue"}), 8911407.90, 0.005);
  EXPECT_NEAR(num(r, {"recency", "mean"}), 93.0595, 1e-4);
  EXPECT_NEAR(num(r, {"frequency", "mean"}), 4.2720, 1e-4);

  const auto pareto =
      rapport(concat({"analytics", "pareto"}, concat(online_retail_input(), {"--json"})));
  ASSERT_EQ(pareto.exit_code, 0) << pareto.err;
  const auto p = json::parse(pareto.out);
  EXPECT_EQ(num(p, {"customers_for_80_percent"}), 1133);
  const auto& top = p.at("top").as_array();
  ASSERT_EQ(top.size(), 4u);
  EXPECT_EQ(num(top[3], {"customers"}), 867);
  EXPECT_NEAR(num(top[3], {"revenue_share"}), 0.74594, 1e-5);
}

TEST(AnalyticsCli, CsvOutputNeutralisesFormulaCustomerIds) {
  const std::string in = testing::TempDir() + "analytics_cli_formula.csv";
  {
    std::ofstream f(in);
    f << "customer,date,amount\n=HYPERLINK(1),2020-01-01,5\n=HYPERLINK(1),2020-02-01,7\n"
         "plain,2020-01-05,3\n";
  }
  const auto run = rapport({"analytics", "rfm", "--transactions", in, "--customer-col", "customer",
                            "--date-col", "date", "--amount-col", "amount", "--quiet"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("\n'=HYPERLINK(1),"), std::string::npos) << run.out;
  EXPECT_EQ(run.out.find("\n=HYPERLINK"), std::string::npos) << run.out;
}

TEST(AnalyticsCli, BadOptionsFailWithAMessageNotACrash) {
  const std::vector<std::vector<std::string>> cases = {
      // A missing required option.
      concat({"analytics", "fit"}, cdnow_input()),
      // A date that does not exist.
      concat({"analytics", "fit"}, concat(cdnow_input(), {"--calibration-end", "1997-13-45"})),
      // A file that does not exist.
      {"analytics", "rfm", "--transactions", data("cdnow/no_such_file.csv"), "--customer-col", "a",
       "--date-col", "b", "--amount-col", "c"},
      // Positions start at 1.
      {"analytics", "rfm", "--transactions", data("cdnow/CDNOW_sample.txt"), "--whitespace",
       "--customer-col", "0", "--date-col", "3", "--amount-col", "5"},
      // A column the header does not have.
      concat(
          {"analytics", "pareto"},
          {"--transactions", data("online_retail/online_retail_2010-12_2011-12.csv.gz"),
           "--customer-col", "Customer", "--date-col", "InvoiceDate", "--price-col", "UnitPrice"}),
      // A period the models do not know.
      concat({"analytics", "fit"},
             concat(cdnow_input(), {"--calibration-end", "1997-09-30", "--period", "fortnight"})),
      // The hold-out must end after the calibration.
      concat({"analytics", "fit"}, concat(cdnow_input(), {"--calibration-end", "1997-09-30",
                                                          "--holdout-end", "1997-01-01"})),
  };
  for (const auto& args : cases) {
    std::string joined;
    for (const auto& a : args) joined += a + " ";
    const auto run = rapport(args);
    EXPECT_FALSE(run.signalled) << joined;
    EXPECT_GT(run.exit_code, 0) << joined;
    EXPECT_FALSE(run.err.empty()) << joined;
    EXPECT_TRUE(run.out.empty()) << joined << run.out;
  }
}

// `analytics report` reads the file once and must write exactly what the separate commands write.
// It reads an uncompressed copy (the parallel loader) and they the gzip file (one reader), so
// this also checks that both loaders give the same results end to end.
TEST(AnalyticsCli, ReportWritesWhatTheSeparateCommandsWrite) {
  const std::string dir = testing::TempDir() + "analytics_report_" + std::to_string(getpid());
  const std::string plain = dir + ".csv";
  const std::string gz = data("online_retail/online_retail_2010-12_2011-12.csv.gz");
  ASSERT_EQ(std::system(("gzip -dc " + quote(gz) + " > " + quote(plain)).c_str()), 0);
  std::vector<std::string> plain_input = online_retail_input();
  plain_input[1] = plain;
  // REFERENCE.md §6's daily BG/NBD on the whole clean set (a weekly fit to September
  // degenerates: b runs to 10^6 and the CLV's ₂F₁ series then takes minutes).
  std::vector<std::string> model = {"--period", "day", "--calibration-end", "2011-12-09"};
  model.insert(model.end(), {"--horizon", "30"});
  const auto report =
      rapport(concat({"analytics", "report", "--out-dir", dir}, concat(plain_input, model)));
  std::remove(plain.c_str());
  ASSERT_EQ(report.exit_code, 0) << report.err;
  const auto summary = json::parse(report.out);
  EXPECT_EQ(num(summary, {"import", "rows_kept"}), 397884);  // REFERENCE.md §6's clean set
  for (const char* step : {"load", "rfm", "pareto", "cohorts", "summaries", "predict"}) {
    EXPECT_GE(num(summary, {"seconds", step}), 0) << step;
    EXPECT_GE(num(summary, {"cpu_seconds", step}), 0) << step;
  }

  auto expect_same = [&](const std::vector<std::string>& command, const std::string& stdout_file,
                         const std::string& out_file) {
    const std::string out = dir + "/separate_" + out_file;
    const auto run = rapport(concat(concat(command, online_retail_input()), {"--out", out}));
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(run.out, read_file(dir + "/" + stdout_file)) << stdout_file;
    EXPECT_EQ(read_file(out), read_file(dir + "/" + out_file)) << out_file;
    EXPECT_FALSE(read_file(out).empty()) << out_file;
  };
  expect_same({"analytics", "rfm", "--json"}, "rfm.json", "rfm.csv");
  expect_same({"analytics", "pareto", "--json"}, "pareto.json", "lorenz.csv");
  expect_same({"analytics", "cohorts", "--json"}, "cohorts.json", "cohorts.csv");
  expect_same(concat({"analytics", "predict", "--json"}, model), "predict.json", "predict.csv");
  std::system(("rm -rf " + quote(dir)).c_str());
}

TEST(AnalyticsCli, EverySubcommandExplainsItselfWithAnExample) {
  for (const char* sub :
       {"fit", "predict", "rfm", "pareto", "cohorts", "forecast", "recommend", "report"}) {
    const auto run = rapport({"analytics", sub, "--help"});
    EXPECT_EQ(run.exit_code, 0) << sub;
    EXPECT_NE(run.out.find("--transactions"), std::string::npos) << sub;
    EXPECT_NE(run.out.find("Example"), std::string::npos) << sub;
  }
}

}  // namespace

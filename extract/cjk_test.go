package extract

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/fundingpulse/pulse"
	"github.com/fundingpulse/pulse/extract/money"
)

// cjkWant is one deal a Chinese or Japanese text should give.
type cjkWant struct {
	company   string
	aliases   string // joined by "|"
	kind      pulse.DealKind
	amount    float64
	currency  string
	round     pulse.Round
	investors string // joined by "|"
	leads     string
	stake     float64
	date      string
}

// cjkRun reads text sentence by sentence the way extractRules does: every
// deal a sentence gives, and investors from the two sentences after one.
func cjkRun(text string, year int) []*cand {
	all := money.Find(text)
	var out []*cand
	var last *cand
	quiet := 0
	for _, sp := range Sentences(text) {
		if !hasHan(text[sp.Start:sp.End]) {
			continue
		}
		if found := cjkDealsDated(text, sp, all, year); len(found) > 0 {
			out = append(out, found...)
			last, quiet = found[len(found)-1], 0
			continue
		}
		if last != nil && quiet < 2 {
			cjkLeads(text, sp, last)
		}
		quiet++
	}
	return out
}

func describe(c *cand) cjkWant {
	w := cjkWant{company: c.company.text, aliases: strings.Join(c.aliases, "|"), kind: c.kind, round: c.round,
		investors: strings.Join(names(c.investors), "|"), leads: strings.Join(names(c.leads), "|"), stake: c.stake}
	if c.money != nil {
		w.amount, w.currency = c.money.Amount, c.money.Currency
	}
	if !c.announced.IsZero() {
		w.date = c.announced.Format("2006-01-02")
	}
	return w
}

func checkCJK(t *testing.T, text string, want []cjkWant) {
	t.Helper()
	got := cjkRun(text, 2025)
	var gs []string
	for _, c := range got {
		gs = append(gs, fmt.Sprintf("%+v", describe(c)))
	}
	var ws []string
	for _, w := range want {
		ws = append(ws, fmt.Sprintf("%+v", w))
	}
	if strings.Join(gs, "\n") != strings.Join(ws, "\n") {
		t.Errorf("%s\ngot:\n%s\nwant:\n%s", text, strings.Join(gs, "\n"), strings.Join(ws, "\n"))
	}
	for _, c := range got {
		if c.company.end > 0 && text[c.company.start:c.company.end] != c.company.text {
			t.Errorf("company span %q does not hold %q", text[c.company.start:c.company.end], c.company.text)
		}
		for _, n := range c.investors {
			if n.end > 0 && text[n.start:n.end] != n.text {
				t.Errorf("investor span %q does not hold %q", text[n.start:n.end], n.text)
			}
		}
	}
}

func TestChineseFunding(t *testing.T) {
	for _, tt := range []struct {
		text string
		want []cjkWant
	}{
		{"专注工业视觉的AI公司「深瞳智造」完成1.2亿元A+轮融资，由启明创投领投，高榕资本、源码资本跟投。", []cjkWant{
			{company: "深瞳智造", kind: pulse.KindFundingRound, amount: 1.2e8, currency: "CNY", round: "series_a", investors: "启明创投|高榕资本|源码资本", leads: "启明创投"},
		}},
		{"据了解，储能电池管理系统服务商澜储能源（Lanchu Energy）日前宣布完成数千万美元Pre-A轮融资，投资方为顺为资本和蓝驰创投。", []cjkWant{
			{company: "澜储能源", aliases: "Lanchu Energy", kind: pulse.KindFundingRound, round: "pre_series_a", investors: "顺为资本|蓝驰创投"},
		}},
		{"11月3日，“云杉机器人”宣布获得8000万元天使轮融资，本轮融资由奇绩创坛独家投资。", []cjkWant{
			{company: "云杉机器人", kind: pulse.KindFundingRound, amount: 8e7, currency: "CNY", round: "angel", investors: "奇绩创坛", date: "2025-11-03"},
		}},
		{"分子跃迁获得联想创投5000万元战略投资。", []cjkWant{
			{company: "分子跃迁", kind: pulse.KindFundingRound, amount: 5e7, currency: "CNY", round: "strategic", investors: "联想创投"},
		}},
		{"宁德时代对固态电池初创公司清陶新能进行了战略投资。", []cjkWant{
			{company: "清陶新能", kind: pulse.KindFundingRound, round: "strategic", investors: "宁德时代"},
		}},
		// A headline, then the body's sentence with its investors after it.
		{"星河半导体完成3亿元B轮融资\n\n上海芯片设计企业星河半导体近日完成3亿元B轮融资。本轮融资由国投创业领投，老股东华登国际继续加码。", []cjkWant{
			{company: "星河半导体", kind: pulse.KindFundingRound, amount: 3e8, currency: "CNY", round: "series_b"},
			{company: "星河半导体", kind: pulse.KindFundingRound, amount: 3e8, currency: "CNY", round: "series_b", investors: "国投创业|华登国际", leads: "国投创业"},
		}},
		// An earlier round told about "the company".
		{"星河半导体完成3亿元B轮融资。\n\n该公司曾于2022年获得红杉中国领投的5000万元A轮融资。", []cjkWant{
			{company: "星河半导体", kind: pulse.KindFundingRound, amount: 3e8, currency: "CNY", round: "series_b"},
			{company: "星河半导体", kind: pulse.KindFundingRound, amount: 5e7, currency: "CNY", round: "series_a", investors: "红杉中国", leads: "红杉中国"},
		}},
		{"星河半导体完成3亿元B轮融资。此前，公司曾于2023年完成数千万元天使轮融资，由英诺天使基金投资。", []cjkWant{
			{company: "星河半导体", kind: pulse.KindFundingRound, amount: 3e8, currency: "CNY", round: "series_b"},
			{company: "星河半导体", kind: pulse.KindFundingRound, round: "angel", investors: "英诺天使基金"},
		}},
		// Two rounds in one sentence, the second clause without a subject.
		{"灵犀医疗成立于2020年，2023年完成Pre-A轮融资，今年又获得2亿元B轮融资。", []cjkWant{
			{company: "灵犀医疗", kind: pulse.KindFundingRound, round: "pre_series_a"},
			{company: "灵犀医疗", kind: pulse.KindFundingRound, amount: 2e8, currency: "CNY", round: "series_b"},
		}},
		// The valuation is not the round's amount.
		{"灵犀医疗完成B轮融资，投后估值达30亿元。", []cjkWant{
			{company: "灵犀医疗", kind: pulse.KindFundingRound, round: "series_b"},
		}},
		{"估值超10亿美元的独角兽企业云帆数据完成C轮融资，融资金额达5亿元，资方为国调基金。", []cjkWant{
			{company: "云帆数据", kind: pulse.KindFundingRound, amount: 5e8, currency: "CNY", round: "series_c", investors: "国调基金"},
		}},
		{"光栅科技完成A3轮融资，光速中国、IDG资本等老股东跟投。", []cjkWant{
			{company: "光栅科技", kind: pulse.KindFundingRound, round: "series_a", investors: "光速中国|IDG资本"},
		}},
		{"红杉中国领投了智卡科技的A轮融资。", []cjkWant{
			{company: "智卡科技", kind: pulse.KindFundingRound, round: "series_a", investors: "红杉中国", leads: "红杉中国"},
		}},
		// The subject in a clause of its own; a short name in brackets.
		{"上海星舰动力技术有限公司（以下简称“星舰动力”）宣布，已完成2亿元Pre-B轮融资。", []cjkWant{
			{company: "上海星舰动力技术有限公司", aliases: "星舰动力", kind: pulse.KindFundingRound, amount: 2e8, currency: "CNY", round: "pre_series_b"},
		}},
		{"AI芯片公司Lumenix完成5000万美元B轮融资。", []cjkWant{
			{company: "Lumenix", kind: pulse.KindFundingRound, amount: 5e7, currency: "USD", round: "series_b"},
		}},
		// Traditional characters: names as written.
		{"台灣AI新創沛星互動完成新台幣5億元A輪融資，由中華開發資本領投。", []cjkWant{
			{company: "沛星互動", kind: pulse.KindFundingRound, amount: 5e8, currency: "TWD", round: "series_a", investors: "中華開發資本", leads: "中華開發資本"},
		}},
		{"香港金融科技公司Finvera宣佈完成1億美元E輪融資。", []cjkWant{
			{company: "Finvera", kind: pulse.KindFundingRound, amount: 1e8, currency: "USD", round: "series_e"},
		}},
	} {
		checkCJK(t, tt.text, tt.want)
	}
}

func TestChineseOtherKinds(t *testing.T) {
	for _, tt := range []struct {
		text string
		want []cjkWant
	}{
		{"阿里云以12亿元收购数据库公司星图数据100%股权。", []cjkWant{
			{company: "星图数据", kind: pulse.KindAcquisition, amount: 1.2e9, currency: "CNY", investors: "阿里云", stake: 100},
		}},
		{"星图数据被华为以5亿元收购。", []cjkWant{
			{company: "星图数据", kind: pulse.KindAcquisition, amount: 5e8, currency: "CNY", investors: "华为"},
		}},
		{"美团完成对自动驾驶公司驭势科技的收购。", []cjkWant{
			{company: "驭势科技", kind: pulse.KindAcquisition, investors: "美团"},
		}},
		{"腾讯以3亿元收购云途游戏20%股权。", []cjkWant{
			{company: "云途游戏", kind: pulse.KindInvestment, amount: 3e8, currency: "CNY", investors: "腾讯", stake: 20},
		}},
		{"地平线机器人今日在港交所主板挂牌上市，募资约54亿港元，首日市值达600亿港元。", []cjkWant{
			{company: "地平线机器人", kind: pulse.KindIPO, amount: 5.4e9, currency: "HKD"},
		}},
		{"理想汽车获得招商银行30亿元贷款。", []cjkWant{
			{company: "理想汽车", kind: pulse.KindDebt, amount: 3e9, currency: "CNY", investors: "招商银行"},
		}},
		// A price per share, told before its figure, is not the amount raised.
		{"星图数据今日在科创板成功上市，发行价为每股25元，募集资金12亿元。", []cjkWant{
			{company: "星图数据", kind: pulse.KindIPO, amount: 1.2e9, currency: "CNY"},
		}},
		{"宁德时代完成120亿元定增。", []cjkWant{
			{company: "宁德时代", kind: pulse.KindOther, amount: 1.2e10, currency: "CNY"},
		}},
		{"元禾原点完成20亿元人民币三期基金首次关账。", []cjkWant{
			{company: "元禾原点", kind: pulse.KindFund, amount: 2e9, currency: "CNY"},
		}},
		{"国家开发银行向比亚迪提供了100亿元贷款。", []cjkWant{
			{company: "比亚迪", kind: pulse.KindDebt, amount: 1e10, currency: "CNY", investors: "国家开发银行"},
		}},
		{"同日，芯原微电子宣布完成对英国IP公司Arteris的收购，交易金额约2.5亿美元。", []cjkWant{
			{company: "Arteris", kind: pulse.KindAcquisition, amount: 2.5e8, currency: "USD", investors: "芯原微电子"},
		}},
	} {
		checkCJK(t, tt.text, tt.want)
	}
}

func TestChineseNoDeal(t *testing.T) {
	for _, text := range []string{
		"据预测，中国储能市场规模将在2030年超过5000亿元。",
		"今年前三季度，国内机器人领域共发生融资事件210起，融资总额超过300亿元。",
		"星河半导体正在洽谈新一轮融资，估值或达50亿元。",
		"星河半导体2024年营收达到12亿元，同比增长80%。",
		"本轮融资将主要用于产品研发和市场拓展。",
		"星河半导体计划于明年启动IPO。",
		"地平线机器人已向港交所递交招股书，拟在主板上市。",
		"宁德时代拟收购一家锂矿企业。",
		"公司已完成产品研发，并获得多项专利。",
		"此前，公司曾于2023年完成A轮融资。", // no company named before
		"中金公司等机构参与了多笔融资。",
		"锐思智能获得了投资者的广泛认可。",
		"小米集团今天宣布以5亿美元收购一家欧洲芯片公司。", // no name for the bought company
		"經緯創投正在洽談新一輪融資。",
	} {
		checkCJK(t, text, nil)
	}
}

func TestJapaneseFunding(t *testing.T) {
	for _, tt := range []struct {
		text string
		want []cjkWant
	}{
		{"衛星データ解析を手がけるアストロシグナル株式会社（東京都中央区）は11月5日、シリーズAラウンドで総額12億円の資金調達を実施したと発表した。リード投資家はDNX Venturesで、みずほキャピタル、既存株主のインキュベイトファンドが参加した。", []cjkWant{
			{company: "アストロシグナル", aliases: "アストロシグナル株式会社", kind: pulse.KindFundingRound, amount: 1.2e9, currency: "JPY", round: "series_a",
				investors: "DNX Ventures|みずほキャピタル|インキュベイトファンド", leads: "DNX Ventures", date: "2025-11-05"},
		}},
		{"株式会社ミライロボは、シードラウンドでANRIなどから2億円を調達した。", []cjkWant{
			{company: "ミライロボ", aliases: "株式会社ミライロボ", kind: pulse.KindFundingRound, amount: 2e8, currency: "JPY", round: "seed", investors: "ANRI"},
		}},
		// A headline with the company before "、", then an earlier round
		// told about "同社".
		{"宇宙スタートアップのアストロシグナル、12億円を調達\n\n同社は2021年にエンジェルラウンドで5000万円を調達している。", []cjkWant{
			{company: "アストロシグナル", kind: pulse.KindFundingRound, amount: 1.2e9, currency: "JPY", round: "undisclosed"},
			{company: "アストロシグナル", kind: pulse.KindFundingRound, amount: 5e7, currency: "JPY", round: "angel"},
		}},
		// What the money is for may follow the verb's clause.
		{"ミライロボは、シリーズAで5億円を調達し、海外展開を計画している。", []cjkWant{
			{company: "ミライロボ", kind: pulse.KindFundingRound, amount: 5e8, currency: "JPY", round: "series_a"},
		}},
		// An earlier round of "同社" keeps the main company's other name.
		{"株式会社ミライロボ（東京都渋谷区）は、シリーズAで5億円を調達した。同社は2020年にシードラウンドで1億円を調達している。", []cjkWant{
			{company: "ミライロボ", aliases: "株式会社ミライロボ", kind: pulse.KindFundingRound, amount: 5e8, currency: "JPY", round: "series_a"},
			{company: "ミライロボ", aliases: "株式会社ミライロボ", kind: pulse.KindFundingRound, amount: 1e8, currency: "JPY", round: "seed"},
		}},
		{"ミライロボ、5億円を調達\n\n同社はエナジーフォージに3億円を出資した。", []cjkWant{
			{company: "ミライロボ", kind: pulse.KindFundingRound, amount: 5e8, currency: "JPY", round: "undisclosed"},
			{company: "エナジーフォージ", kind: pulse.KindFundingRound, amount: 3e8, currency: "JPY", round: "undisclosed", investors: "ミライロボ"},
		}},
		{"トヨタ自動車は、電池スタートアップのエナジーフォージに30億円を出資した。", []cjkWant{
			{company: "エナジーフォージ", kind: pulse.KindFundingRound, amount: 3e9, currency: "JPY", round: "undisclosed", investors: "トヨタ自動車"},
		}},
		{"米Skyloomは、シリーズBで1億5000万ドルを調達した。", []cjkWant{
			{company: "Skyloom", kind: pulse.KindFundingRound, amount: 1.5e8, currency: "USD", round: "series_b"},
		}},
		{"AIスタートアップのNeuroloop AIは、シリーズAで約300億円の資金調達を実施した。", []cjkWant{
			{company: "Neuroloop AI", kind: pulse.KindFundingRound, amount: 3e10, currency: "JPY", round: "series_a"},
		}},
		{"株式会社モルキュラ（本社：京都府京都市、代表取締役CEO：山田太郎）は、プレシリーズAラウンドにおいて、京都大学イノベーションキャピタルを引受先とする第三者割当増資により、総額3億円の資金調達を完了しました。", []cjkWant{
			{company: "モルキュラ", aliases: "株式会社モルキュラ", kind: pulse.KindFundingRound, amount: 3e8, currency: "JPY", round: "pre_series_a", investors: "京都大学イノベーションキャピタル"},
		}},
		{"ミライロボは、第三者割当増資によるシリーズBラウンドで15億円を調達した。引受先はジャフコ グループおよびグローバル・ブレイン。", []cjkWant{
			{company: "ミライロボ", kind: pulse.KindFundingRound, amount: 1.5e9, currency: "JPY", round: "series_b", investors: "ジャフコ グループ|グローバル・ブレイン"},
		}},
	} {
		checkCJK(t, tt.text, tt.want)
	}
}

func TestJapaneseOtherKinds(t *testing.T) {
	for _, tt := range []struct {
		text string
		want []cjkWant
	}{
		{"東証スタンダード上場のクラウドゲート株式会社は1月20日、楽天グループ株式会社を割当先とする第三者割当増資により約20億円を調達すると発表した。発行後の楽天グループの議決権比率は約15％となる。", []cjkWant{
			{company: "クラウドゲート", aliases: "クラウドゲート株式会社", kind: pulse.KindOther, amount: 2e9, currency: "JPY", investors: "楽天グループ株式会社", stake: 15, date: "2025-01-20"},
		}},
		{"クラウドゲート、東証グロースに新規上場\n\n同社は2023年3月に東証グロース市場に上場し、公募・売り出しで約20億円を調達した。", []cjkWant{
			{company: "クラウドゲート", kind: pulse.KindIPO},
			{company: "クラウドゲート", kind: pulse.KindIPO, amount: 2e9, currency: "JPY"},
		}},
		{"ソニーグループは、AI音声合成のボイスラボを約80億円で買収すると発表した。", []cjkWant{
			{company: "ボイスラボ", kind: pulse.KindAcquisition, amount: 8e9, currency: "JPY", investors: "ソニーグループ"},
		}},
		{"ボイスラボは2019年にソニーグループに買収された。", []cjkWant{
			{company: "ボイスラボ", kind: pulse.KindAcquisition, investors: "ソニーグループ"},
		}},
		{"KDDIは、フィンテック企業のペイノバの株式51%を取得し、子会社化した。", []cjkWant{
			{company: "ペイノバ", kind: pulse.KindAcquisition, investors: "KDDI", stake: 51},
		}},
		{"ミライロボは、商工組合中央金庫から5億円の融資を受けた。", []cjkWant{
			{company: "ミライロボ", kind: pulse.KindDebt, amount: 5e8, currency: "JPY", investors: "商工組合中央金庫"},
		}},
		{"ジェネシア・ベンチャーズは、総額200億円の3号ファンドを組成した。", []cjkWant{
			{company: "ジェネシア・ベンチャーズ", kind: pulse.KindFund, amount: 2e10, currency: "JPY"},
		}},
		{"ラクスルは、物流管理SaaSのハコベルを子会社化したと発表した。", []cjkWant{
			{company: "ハコベル", kind: pulse.KindAcquisition, investors: "ラクスル"},
		}},
		{"NTTドコモは、マネックス証券の株式49%を取得する。", []cjkWant{
			{company: "マネックス証券", kind: pulse.KindInvestment, investors: "NTTドコモ", stake: 49},
		}},
		// The lender gives; the borrower is the one after "に対し".
		{"みずほ銀行は、ミライロボに対し10億円の融資を実行した。", []cjkWant{
			{company: "ミライロボ", kind: pulse.KindDebt, amount: 1e9, currency: "JPY", investors: "みずほ銀行"},
		}},
		{"ミライロボは、りそな銀行など3行から総額20億円のシンジケートローンによる資金調達を実施した。", []cjkWant{
			{company: "ミライロボ", kind: pulse.KindDebt, amount: 2e9, currency: "JPY", investors: "りそな銀行"},
		}},
	} {
		checkCJK(t, tt.text, tt.want)
	}
}

func TestJapaneseNoDeal(t *testing.T) {
	for _, text := range []string{
		"国内の宇宙ビジネス市場は2030年に2兆円規模に達すると予測されている。",
		"同社の2024年3月期の売上高は45億円だった。",
		"ミライロボは、来年にもシリーズCラウンドでの資金調達を目指す。",
		"ソニーグループはボイスラボの買収について協議を進めている。",
		"調達資金は人材採用と研究開発に充てる。",
		"今回の調達額には日本政策金融公庫からの借入れ3億円が含まれる。",
		"ミライロボは東証グロース市場への上場を申請した。",
		"同社は2022年にシードラウンドで3億円を調達している。", // no company named before
		"スタートアップ各社の2024年の資金調達額は合計8000億円に達した。",
	} {
		checkCJK(t, text, nil)
	}
}

// TestCJKExtract runs whole texts through the extractor.
func TestCJKExtract(t *testing.T) {
	for _, tt := range []struct {
		text                      string
		company, investors, leads string
		kind                      pulse.DealKind
		amount                    float64
		currency                  string
		round                     pulse.Round
	}{
		{text: "光伏逆变器厂商「曜日能源」完成2亿元C轮融资\n\n据悉，光伏逆变器厂商曜日能源（Yaori Energy）近日完成2亿元C轮融资，由高瓴创投领投，云启资本跟投。本轮融资将用于海外市场拓展。",
			company: "曜日能源", investors: "高瓴创投|云启资本", leads: "高瓴创投", kind: pulse.KindFundingRound, amount: 2e8, currency: "CNY", round: "series_c"},
		{text: "物流ロボットのハコブテック、シリーズCで40億円を調達\n\n物流ロボットを開発するハコブテック株式会社（神奈川県川崎市）は、シリーズCラウンドで40億円の資金調達を実施した。リード投資家はWiLで、東京大学協創プラットフォーム開発が参加した。",
			company: "ハコブテック", investors: "WiL|東京大学協創プラットフォーム開発", leads: "WiL", kind: pulse.KindFundingRound, amount: 4e9, currency: "JPY", round: "series_c"},
	} {
		deals, err := New(Options{}).Extract(context.Background(), Document{Text: tt.text})
		if err != nil {
			t.Fatal(err)
		}
		if len(deals) != 1 {
			t.Fatalf("%s: got %d deals: %+v", tt.text, len(deals), deals)
		}
		d := deals[0]
		got := fmt.Sprintf("%s %s %v %s %s [%s] [%s]", d.Company, d.Kind, d.Amount, d.Currency, d.Round, strings.Join(d.Investors, "|"), strings.Join(d.LeadInvestors, "|"))
		want := fmt.Sprintf("%s %s %v %s %s [%s] [%s]", tt.company, tt.kind, tt.amount, tt.currency, tt.round, tt.investors, tt.leads)
		if got != want {
			t.Errorf("%s\ngot  %s\nwant %s", tt.text, got, want)
		}
	}
}

// TestTraditionalTable checks that every traditional character is replaced
// by a simplified one of the same length, which keeps offsets.
func TestTraditionalTable(t *testing.T) {
	for _, r := range "輪資領獲購貸萬億與參開發佈該後將於對進團債幣華際機構權關閉傳擬計劃談尋預測請遞輔導啟終額總筆場規營價東達約員門個幾兩為從這們來時現續繼認併買銀證國簽務業產車藥創獨電廠應運設號稱簡專數據報聯讓轉單項實則還紅騰訊掛櫃臺灣貨顯僅" {
		s := string(r)
		if got := zhTraditional.Replace(s); got == s || len(got) != len(s) {
			t.Errorf("%s -> %s", s, got)
		}
	}
}

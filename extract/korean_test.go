package extract

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/fundingpulse/pulse"
)

func TestKoreanFunding(t *testing.T) {
	for _, tt := range []struct {
		text string
		want []cjkWant
	}{
		{"헬스케어 스타트업 메디웨이브가 80억 원 규모의 시리즈A 투자를 유치했다고 14일 밝혔다.", []cjkWant{
			{company: "메디웨이브", kind: pulse.KindFundingRound, amount: 8e9, currency: "KRW", round: "series_a"},
		}},
		{"물류 로봇을 개발하는 스타트업 로보캐리는 1조 2000억 원 규모의 시리즈D 투자를 유치했다.", []cjkWant{
			{company: "로보캐리", kind: pulse.KindFundingRound, amount: 1.2e12, currency: "KRW", round: "series_d"},
		}},
		// A headline: the company before the comma, in quotes.
		{"핀테크 플랫폼 '페이라인', 300억원 규모 시리즈B 투자 유치", []cjkWant{
			{company: "페이라인", kind: pulse.KindFundingRound, amount: 3e10, currency: "KRW", round: "series_b"},
		}},
		{"AI 반도체 스타트업 칩노바, 프리A 투자 유치", []cjkWant{
			{company: "칩노바", kind: pulse.KindFundingRound, round: "pre_series_a"},
		}},
		// The operator of a service the headline may name instead.
		{"중고거래 앱 마켓온을 운영하는 온마켓랩스가 100억 원 규모의 시리즈A 투자를 유치했다. 이번 투자에는 스파크랩, 디캠프 등 기존 투자사와 신규 투자사인 한빛벤처스가 참여했다.", []cjkWant{
			{company: "온마켓랩스", aliases: "마켓온", kind: pulse.KindFundingRound, amount: 1e10, currency: "KRW", round: "series_a", investors: "스파크랩|디캠프|한빛벤처스"},
		}},
		{"중고거래 앱 마켓온 운영사 온마켓랩스는 시드 투자를 유치했다.", []cjkWant{
			{company: "온마켓랩스", aliases: "마켓온", kind: pulse.KindFundingRound, round: "seed"},
		}},
		// Investors in the same sentence and the next.
		{"에듀테크 기업 클래스온(대표 김민준)이 50억 원 규모의 프리시리즈A 투자를 유치했다. 이번 투자는 블루포인트파트너스가 리드하고 카카오벤처스, 스파크랩 등이 참여했다.", []cjkWant{
			{company: "클래스온", kind: pulse.KindFundingRound, amount: 5e9, currency: "KRW", round: "pre_series_a",
				investors: "블루포인트파트너스|카카오벤처스|스파크랩", leads: "블루포인트파트너스"},
		}},
		{"그린셀은 시드 투자를 유치했다. 이번 라운드는 퓨처플레이가 주도했으며, 기존 투자사인 디캠프와 신규 투자사 한빛벤처스도 참여했다.", []cjkWant{
			{company: "그린셀", kind: pulse.KindFundingRound, round: "seed", investors: "퓨처플레이|디캠프|한빛벤처스", leads: "퓨처플레이"},
		}},
		{"그린셀은 한빛벤처스와 퓨처플레이로부터 20억 원 규모의 시드 투자를 받았다.", []cjkWant{
			{company: "그린셀", kind: pulse.KindFundingRound, amount: 2e9, currency: "KRW", round: "seed", investors: "한빛벤처스|퓨처플레이"},
		}},
		{"데이터 분석 스타트업 인사이트랩은 최근 15억원의 브릿지 투자를 유치했다.", []cjkWant{
			{company: "인사이트랩", kind: pulse.KindFundingRound, amount: 1.5e9, currency: "KRW", round: "bridge"},
		}},
		// A bridge named after the series is a bridge round.
		{"인사이트랩은 시리즈B 브릿지 라운드에서 120억 원을 유치했다.", []cjkWant{
			{company: "인사이트랩", kind: pulse.KindFundingRound, amount: 1.2e10, currency: "KRW", round: "bridge"},
		}},
		// Latin names, brackets, dollars.
		{"AI 스타트업 Twelve Labs가 5000만 달러 규모의 시리즈B 투자를 유치했다.", []cjkWant{
			{company: "Twelve Labs", kind: pulse.KindFundingRound, amount: 5e7, currency: "USD", round: "series_b"},
		}},
		{"퓨처로봇(FutureRobot)은 삼성벤처투자로부터 전략적 투자를 유치했다고 밝혔다.", []cjkWant{
			{company: "퓨처로봇", aliases: "FutureRobot", kind: pulse.KindFundingRound, round: "strategic", investors: "삼성벤처투자"},
		}},
		{"스마트팜 기업 그린랩스팜은 200억 원을 투자받았다.", []cjkWant{
			{company: "그린랩스팜", kind: pulse.KindFundingRound, amount: 2e10, currency: "KRW", round: "undisclosed"},
		}},
		// An investor giving: the company is the one given to.
		{"카카오벤처스는 핀테크 스타트업 머니핏에 30억 원을 투자했다.", []cjkWant{
			{company: "머니핏", kind: pulse.KindFundingRound, amount: 3e9, currency: "KRW", round: "undisclosed", investors: "카카오벤처스"},
		}},
		{"카카오벤처스는 머니핏의 시리즈A 투자를 리드했다.", []cjkWant{
			{company: "머니핏", kind: pulse.KindFundingRound, round: "series_a", investors: "카카오벤처스", leads: "카카오벤처스"},
		}},
		{"카카오벤처스, 핀테크 펀드 결성\n\n회사는 지난해 머니핏에 30억 원을 투자했다.", []cjkWant{
			{company: "카카오벤처스", kind: pulse.KindFund},
			{company: "머니핏", kind: pulse.KindFundingRound, amount: 3e9, currency: "KRW", round: "undisclosed", investors: "카카오벤처스"},
		}},
		// An earlier round, told of the company and of "회사".
		{"메디웨이브, 80억 원 규모 시리즈A 유치\n\n회사는 지난해 엔젤 투자로 5억 원을 유치한 바 있다.", []cjkWant{
			{company: "메디웨이브", kind: pulse.KindFundingRound, amount: 8e9, currency: "KRW", round: "series_a"},
			{company: "메디웨이브", kind: pulse.KindFundingRound, amount: 5e8, currency: "KRW", round: "angel"},
		}},
		// Two rounds in one sentence.
		{"로보캐리는 2022년 40억 원의 시리즈A를 유치한 데 이어 올해 150억 원 규모의 시리즈B 투자를 유치했다.", []cjkWant{
			{company: "로보캐리", kind: pulse.KindFundingRound, amount: 4e9, currency: "KRW", round: "series_a"},
			{company: "로보캐리", kind: pulse.KindFundingRound, amount: 1.5e10, currency: "KRW", round: "series_b"},
		}},
		// A valuation is not the amount; a vague amount is none.
		{"로보캐리는 기업가치 3000억 원을 인정받으며 250억 원 규모의 시리즈C 투자를 유치했다.", []cjkWant{
			{company: "로보캐리", kind: pulse.KindFundingRound, amount: 2.5e10, currency: "KRW", round: "series_c"},
		}},
		{"로보캐리는 수십억 원 규모의 시리즈A 투자를 유치했다.", []cjkWant{
			{company: "로보캐리", kind: pulse.KindFundingRound, round: "series_a"},
		}},
		{"누리칩 120억 원 규모 시리즈A 투자 유치", []cjkWant{
			{company: "누리칩", kind: pulse.KindFundingRound, amount: 1.2e10, currency: "KRW", round: "series_a"},
		}},
		// Headlines leave out the won.
		{"[더벨] 누리칩, 시리즈A 120억 유치", []cjkWant{
			{company: "누리칩", kind: pulse.KindFundingRound, amount: 1.2e10, currency: "KRW", round: "series_a"},
		}},
		{"(주)클래스온, 1조2000억 규모 시리즈C 투자 유치", []cjkWant{
			{company: "클래스온", kind: pulse.KindFundingRound, amount: 1.2e12, currency: "KRW", round: "series_c"},
		}},
		{"퓨처로봇은 이용자 1억 명을 확보하며 시리즈B 투자를 유치했다.", []cjkWant{
			{company: "퓨처로봇", kind: pulse.KindFundingRound, round: "series_b"},
		}},
		{"[단독] 메디웨이브, 시리즈B 라운드 마무리", []cjkWant{
			{company: "메디웨이브", kind: pulse.KindFundingRound, round: "series_b"},
		}},
		{"클래스온은 스파크랩, 디캠프, 블루포인트파트너스 등으로부터 시드 투자를 유치했다.", []cjkWant{
			{company: "클래스온", kind: pulse.KindFundingRound, round: "seed", investors: "스파크랩|디캠프|블루포인트파트너스"},
		}},
		{"머니핏에 카카오벤처스가 20억 원을 투자했다.", []cjkWant{
			{company: "머니핏", kind: pulse.KindFundingRound, amount: 2e9, currency: "KRW", round: "undisclosed", investors: "카카오벤처스"},
		}},
		{"그린셀이 150억 원 규모 시리즈A 투자유치를 완료했다. 투자에는 한빛벤처스가 리드 투자자로 참여했고 퓨처플레이도 후속 투자했다.", []cjkWant{
			{company: "그린셀", kind: pulse.KindFundingRound, amount: 1.5e10, currency: "KRW", round: "series_a", investors: "한빛벤처스|퓨처플레이", leads: "한빛벤처스"},
		}},
		{"인사이트랩은 3월 25일 시드 투자 유치에 성공했다고 밝혔다.", []cjkWant{
			{company: "인사이트랩", kind: pulse.KindFundingRound, round: "seed", date: "2025-03-25"},
		}},
	} {
		checkCJK(t, tt.text, tt.want)
	}
}

func TestKoreanOtherKinds(t *testing.T) {
	for _, tt := range []struct {
		text string
		want []cjkWant
	}{
		{"네이버는 AI 스타트업 보이스로그를 500억 원에 인수했다.", []cjkWant{
			{company: "보이스로그", kind: pulse.KindAcquisition, amount: 5e10, currency: "KRW", investors: "네이버"},
		}},
		{"카카오, 모빌리티 스타트업 타다랩 인수", []cjkWant{
			{company: "타다랩", kind: pulse.KindAcquisition, investors: "카카오"},
		}},
		{"카카오, 보이스로그 500억에 인수", []cjkWant{
			{company: "보이스로그", kind: pulse.KindAcquisition, amount: 5e10, currency: "KRW", investors: "카카오"},
		}},
		{"카카오는 보이스로그의 경영권을 인수했다.", []cjkWant{
			{company: "보이스로그", kind: pulse.KindAcquisition, investors: "카카오"},
		}},
		{"[더벨] 한화, 로봇 스타트업 에이치로보 인수…1200억 규모", []cjkWant{
			{company: "에이치로보", kind: pulse.KindAcquisition, amount: 1.2e11, currency: "KRW", investors: "한화"},
		}},
		{"카카오는 보이스로그를 인수합병(M&A)했다.", []cjkWant{
			{company: "보이스로그", kind: pulse.KindAcquisition, investors: "카카오"},
		}},
		{"보이스로그는 지난해 네이버에 인수됐다.", []cjkWant{
			{company: "보이스로그", kind: pulse.KindAcquisition, investors: "네이버"},
		}},
		{"LG전자는 로봇 기업 베어로보틱스의 지분 51%를 인수했다.", []cjkWant{
			{company: "베어로보틱스", kind: pulse.KindAcquisition, investors: "LG전자", stake: 51},
		}},
		{"SK텔레콤은 보이스로그 지분 30%를 인수했다.", []cjkWant{
			{company: "보이스로그", kind: pulse.KindInvestment, investors: "SK텔레콤", stake: 30},
		}},
		{"그린셀은 산업은행으로부터 100억 원 규모의 벤처대출을 받았다.", []cjkWant{
			{company: "그린셀", kind: pulse.KindDebt, amount: 1e10, currency: "KRW", investors: "산업은행"},
		}},
		{"기업은행은 그린셀에 50억 원의 대출을 실행했다.", []cjkWant{
			{company: "그린셀", kind: pulse.KindDebt, amount: 5e9, currency: "KRW", investors: "기업은행"},
		}},
		{"그린셀은 또 중소벤처기업부의 창업성장기술개발 사업에 선정돼 최대 3억 원의 연구개발 자금을 지원받는다.", []cjkWant{
			{company: "그린셀", kind: pulse.KindGrant, amount: 3e8, currency: "KRW", investors: "중소벤처기업부"},
		}},
		{"인사이트랩은 정부 보조금 2억 원을 받았다.", []cjkWant{
			{company: "인사이트랩", kind: pulse.KindGrant, amount: 2e8, currency: "KRW"},
		}},
		{"로보캐리는 28일 코스닥 시장에 상장했다.", []cjkWant{
			{company: "로보캐리", kind: pulse.KindIPO},
		}},
		{"로보캐리는 공모를 통해 600억 원을 조달하며 코스닥 시장에 상장했다.", []cjkWant{
			{company: "로보캐리", kind: pulse.KindIPO, amount: 6e10, currency: "KRW"},
		}},
		{"한빛벤처스는 1000억 원 규모의 벤처펀드를 결성했다.", []cjkWant{
			{company: "한빛벤처스", kind: pulse.KindFund, amount: 1e11, currency: "KRW"},
		}},
	} {
		checkCJK(t, tt.text, tt.want)
	}
}

func TestKoreanNoDeal(t *testing.T) {
	for _, text := range []string{
		"로보캐리의 지난해 매출은 320억 원으로 전년 대비 두 배 늘었다.",
		"로보캐리는 기업가치 1조 원을 인정받았다.",
		"국내 물류 로봇 시장 규모는 2030년 5조 원에 이를 전망이다.",
		"로보캐리는 내년 시리즈C 투자 유치를 추진하고 있다.",
		"로보캐리는 연내 코스닥 상장을 추진할 계획이다.",
		"로보캐리는 하반기 300억 원 규모의 투자를 유치할 예정이다.",
		"네이버는 보이스로그 인수를 검토하고 있다.",
		"이로써 로보캐리의 누적 투자 유치 금액은 400억 원이 됐다.",
		"회사는 이번 투자금을 해외 진출에 사용할 계획이다.",
		"한 국내 AI 스타트업은 최근 수백억 원 규모의 투자를 유치한 것으로 알려졌다.",
		"로보캐리는 글로벌 기업과 1,500억 원 규모의 공급 계약을 체결했다.",
		"코스닥 상장사 로보캐리는 신제품을 공개했다.",
		"올해 국내 스타트업 투자 유치 규모는 5조 원에 그쳤다.",
		"지난해에는 투자 유치에 나섰지만 성사되지 않았다.", // no company named before
		"그린셀은 시드니에 지사를 열었다.",
		"로보캐리는 해외 진출을 위한 투자를 유치하기 위해 투자사들과 만나고 있다.",
		"로보캐리는 시리즈B 투자 유치를 진행 중이다.",
		"로보캐리는 투자 유치 협상을 벌이고 있다.",
		"카카오벤처스는 AI 분야에 투자했다.",
		"카카오벤처스는 올해 스타트업 40곳에 투자했다.",
		"정부는 내년 스타트업 지원금을 늘릴 방침이다.",
		"로보캐리는 2019년 코스닥에 상장한 뒤 시가총액이 1조 원을 넘었다.",
		"그린셀은 정부 지원을 받아 배양육 기술을 개발했다.",
		"핀테크 기업 머니핏은 소상공인에게 500억 원의 대출을 제공했다.",
		"네이버가 보이스로그를 인수할 것이라는 설이 돌았다.",
		"보이스로그 인수 후보로 네이버가 거론된다.",
		"카카오는 네이버의 웹툰 사업부를 인수했다.",
		"업종별로는 바이오·의료 분야가 5000억 원으로 가장 많은 투자를 유치했다.",
	} {
		checkCJK(t, text, nil)
	}
}

// TestKoreanExtract runs whole texts through the extractor: a headline and
// the body's report are one deal, investors come from the next sentence,
// and an English sentence with a Korean name is still read as English.
func TestKoreanExtract(t *testing.T) {
	for _, tt := range []struct {
		text string
		want []string
	}{
		{"의료 AI 스타트업 '메디웨이브', 80억 원 규모 시리즈A 투자 유치\n\n의료 영상 분석 솔루션을 개발하는 메디웨이브(대표 이서준)가 80억 원 규모의 시리즈A 투자를 유치했다고 14일 밝혔다. 이번 투자는 카카오벤처스가 주도했으며, 스파크랩과 기존 투자사인 디캠프가 참여했다.\n\n메디웨이브의 지난해 매출은 45억 원이다. 회사는 이번 투자금을 해외 인허가에 사용할 계획이다.",
			[]string{"메디웨이브 funding_round 8e+09 KRW series_a [카카오벤처스|스파크랩|디캠프] [카카오벤처스]"}},
		{"네이버, 음성 AI 스타트업 보이스로그 인수\n\n네이버는 음성 인식 기술을 보유한 보이스로그를 500억 원에 인수했다고 2일 밝혔다. 네이버는 앞서 다른 AI 기업 인수도 검토한 바 있다.",
			[]string{"보이스로그 acquisition 5e+10 KRW  [네이버] []"}},
		// The amount told in the next sentence; a follow-on investor.
		{"머니핏이 시리즈A 투자를 유치했다. 투자 규모는 70억 원이며, 카카오벤처스가 리드하고 기존 투자사인 디캠프도 후속 투자를 단행했다.",
			[]string{"머니핏 funding_round 7e+09 KRW series_a [카카오벤처스|디캠프] [카카오벤처스]"}},
		{"머니핏이 시리즈A 투자를 유치했다. 이로써 누적 투자 규모는 100억 원이 됐다.",
			[]string{"머니핏 funding_round 0  series_a [] []"}},
		// The lead named as the topic of the next sentence; another
		// firm's programme is no investor.
		{"그린셀, 시드 투자 유치\n\n배양육 스타트업 그린셀이 20억 원 규모의 시드 투자를 유치했다. 퓨처플레이는 이번 라운드를 주도했다. 한빛벤처스는 지난해 정부 과제에 참여했다.",
			[]string{"그린셀 funding_round 2e+09 KRW seed [퓨처플레이] [퓨처플레이]"}},
		{"Seoul-based Upstage (업스테이지) raised $72 million in a Series B round led by SK Networks.",
			[]string{"Upstage funding_round 7.2e+07 USD series_b [SK Networks] [SK Networks]"}},
	} {
		deals, err := New(Options{}).Extract(context.Background(), Document{Text: tt.text})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, d := range deals {
			got = append(got, fmt.Sprintf("%s %s %v %s %s [%s] [%s]", d.Company, d.Kind, d.Amount, d.Currency, d.Round, strings.Join(d.Investors, "|"), strings.Join(d.LeadInvestors, "|")))
		}
		if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("%s\ngot:\n%s\nwant:\n%s", tt.text, strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
		}
	}
}

func TestKoreanRound(t *testing.T) {
	for _, tt := range []struct {
		text string
		want pulse.Round
	}{
		{"시리즈 A 투자", "series_a"},
		{"Series B 투자", "series_b"},
		{"시리즈A1", "series_a"},
		{"프리 시리즈 A", "pre_series_a"},
		{"pre-A 투자", "pre_series_a"},
		{"프리시드", "pre_seed"},
		{"시드 단계", "seed"},
		{"엔젤 라운드", "angel"},
		{"브릿지 라운드", "bridge"},
		{"시리즈C 브릿지", "bridge"},
		{"전략적 투자를", "strategic"},
		{"프리IPO", "undisclosed"},
		// Words that only hold a stage's name.
		{"시드니", ""},
		{"엔젤투자자", ""},
		{"매쉬업엔젤스", ""},
		{"글로우브릿지", ""},
		{"전략적 투자자", ""},
		{"Series Boost", ""},
	} {
		if got, _ := koRoundIn(tt.text, Span{0, len(tt.text)}); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.text, got, tt.want)
		}
	}
}

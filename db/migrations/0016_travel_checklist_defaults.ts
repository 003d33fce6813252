// Frozen with migration 0016: QST's cross-border checklist as first shipped (version 1). Data, not code, so the
// migration gives the same rows forever; an administrator changes the wording later as a new version.
//
// NOTE: facts behind the wording, each to be confirmed by QST before going live:
// - Korean nationals enter Japan without a visa for a stay of up to 90 days (MOFA, visa exemption:
//   https://www.mofa.go.jp/j_info/visit/visa/short/novisa.html).
// - A longer stay for treatment needs a Visa for Medical Stay, for which a guarantor registered in Japan (a medical
//   coordinator or travel agency) vouches; over 90 days in hospital also needs a Certificate of Eligibility
//   (MOFA, Visa for Medical Stay: https://www.mofa.go.jp/j_info/visit/visa/medical/index.html).
// - QST Hospital offers no language support and prefers overseas patients to come through a registered coordinator
//   (shared/domain/routing.md; https://www.nirs.qst.go.jp/hospital/abroad/).
// - An international patient pays for treatment in full: neither Korean nor Japanese public insurance pays.

type Words = { ko: string; ja: string; en: string };
type Item = { key: string; audience: "patient" | "staff"; title: Words; body: Words; sources: string[] };

export const qstTravelChecklistV1: Item[] = [
  {
    key: "passport",
    audience: "patient",
    title: { ko: "여권", ja: "パスポート", en: "Passport" },
    body: {
      ko: "여권의 유효기간이 일본에 머무는 기간 전체보다 길어야 합니다. 치료는 여러 주가 걸리므로, 기간이 얼마 남지 않았다면 미리 새로 발급받으세요.",
      ja: "パスポートの有効期限が、日本に滞在する期間全体を満たしている必要があります。治療は数週間かかるため、残りが短い場合は早めに更新してください。",
      en: "Your passport must be valid for the whole of your stay in Japan. Treatment takes several weeks, so if it expires soon, please renew it early.",
    },
    sources: [],
  },
  {
    key: "visa",
    audience: "patient",
    title: { ko: "비자", ja: "ビザ（査証）", en: "Visa" },
    body: {
      ko: "대한민국 국민은 90일까지는 비자 없이 일본에 머물 수 있습니다. 그보다 오래 머물러야 하면 '의료체재 비자'가 필요하며, 일본에 등록된 신원보증기관(의료 코디네이터 또는 여행사)의 보증이 있어야 합니다. 90일을 넘겨 입원하는 경우에는 재류자격인정증명서도 필요합니다. 자세한 내용은 일본 외무성의 의료체재 비자 안내와 주대한민국 일본대사관에서 확인하세요. 다른 나라 국적이라면 그 나라 국민에게 적용되는 규정을 확인하세요.",
      ja: "韓国籍の方は、90日以内の滞在であればビザは不要です。それより長く滞在する場合は「医療滞在ビザ」が必要で、日本で登録された身元保証機関（医療コーディネーターまたは旅行会社）による身元保証が求められます。90日を超えて入院する場合は在留資格認定証明書も必要です。詳しくは外務省の「医療滞在ビザ」のページと在大韓民国日本国大使館でご確認ください。韓国以外の国籍の方は、その国籍に適用される規定をご確認ください。",
      en: "Korean nationals may stay in Japan for up to 90 days without a visa. A longer stay needs a Visa for Medical Stay, which requires a guarantor registered in Japan (a medical coordinator or a travel agency); a hospital stay of more than 90 days also needs a Certificate of Eligibility. See the Ministry of Foreign Affairs of Japan's page on the Visa for Medical Stay and ask the Embassy of Japan in Korea. If you hold another nationality, please check the rules for your nationality.",
    },
    sources: [
      "https://www.mofa.go.jp/j_info/visit/visa/medical/index.html",
      "https://www.mofa.go.jp/j_info/visit/visa/short/novisa.html",
      "https://www.kr.emb-japan.go.jp/",
    ],
  },
  {
    key: "interpreter",
    audience: "patient",
    title: { ko: "의료 통역사", ja: "医療通訳", en: "Medical interpreter" },
    body: {
      ko: "QST 병원은 통역을 제공하지 않습니다. 일본어를 하지 못하면 진료와 치료 때마다 전문 의료 통역사가 함께해야 합니다. 통역사를 병원 측 코디네이터가 예약할지 가족이 직접 예약할지 정해 주세요.",
      ja: "QST病院では通訳を用意していません。日本語を話さない方は、診察と治療のたびに専門の医療通訳者の同席が必要です。通訳者を病院側のコーディネーターが手配するか、ご家族が手配するかを決めてください。",
      en: "QST Hospital does not provide interpreters. If you do not speak Japanese, a professional medical interpreter must be with you at every consultation and treatment. Please decide whether the hospital's coordinator or your family books the interpreter.",
    },
    sources: ["https://www.nirs.qst.go.jp/hospital/abroad/"],
  },
  {
    key: "accommodation",
    audience: "patient",
    title: { ko: "숙소", ja: "宿泊先", en: "Accommodation" },
    body: {
      ko: "중입자선 치료는 보통 몇 주 동안 평일마다 통원합니다. 지바시 이나게구의 병원 근처에 그 기간 동안 머물 숙소를 마련하세요.",
      ja: "重粒子線治療は、通常数週間にわたり平日に通院して受けます。その期間滞在できる宿泊先を、千葉市稲毛区の病院の近くに確保してください。",
      en: "Carbon-ion treatment usually means coming to the hospital on weekdays for several weeks. Please arrange somewhere to stay near the hospital in Inage, Chiba, for the whole course.",
    },
    sources: [],
  },
  {
    key: "costs",
    audience: "patient",
    title: { ko: "비용", ja: "費用", en: "Costs" },
    body: {
      ko: "해외 환자는 치료비 전액을 본인이 부담합니다. 한국의 국민건강보험도 일본의 공적 의료보험도 적용되지 않습니다. 치료비, 체류비, 통역비의 예상 금액을 미리 확인하세요.",
      ja: "海外からの患者さんは、治療費を全額自己負担でお支払いいただきます。韓国の国民健康保険も日本の公的医療保険も使えません。治療費・滞在費・通訳費の見込みを事前にご確認ください。",
      en: "As an international patient you pay the full cost yourself: neither Korean National Health Insurance nor Japanese public health insurance pays. Please check the expected cost of treatment, your stay and the interpreter in advance.",
    },
    sources: [],
  },
  {
    key: "documents",
    audience: "patient",
    title: { ko: "가져올 서류와 영상", ja: "持参する書類と画像", en: "Documents and images to bring" },
    body: {
      ko: "담당 의사의 소견서(진료의뢰서), 조직검사 결과 등 검사 결과지, CT·MRI·PET 영상이 담긴 CD 또는 DVD, 복용 중인 약 목록을 가져오세요. 일본어나 영어 번역본이 있으면 함께 가져오세요.",
      ja: "主治医の紹介状、病理検査などの検査結果、CT・MRI・PETの画像を保存したCDまたはDVD、服用中のお薬の一覧をお持ちください。日本語または英語の翻訳があれば一緒にお持ちください。",
      en: "Please bring your doctor's referral letter, your test results (including the biopsy report), your CT, MRI and PET images on a CD or DVD, and a list of the medicines you take. Bring Japanese or English translations if you have them.",
    },
    sources: [],
  },
  {
    key: "coordinator",
    audience: "staff",
    title: { ko: "코디네이터 기관", ja: "コーディネーター機関", en: "Coordinator agency" },
    body: {
      ko: "QST는 해외 환자가 등록된 의료 코디네이터를 통해 오기를 권합니다. 환자가 이용하는 코디네이터 기관이 있으면 이름과 연락처를 메모에 남기세요. 의료체재 비자의 신원보증도 이 기관이 맡습니다.",
      ja: "QSTは、海外の患者さんが登録医療コーディネーターを通じて来院することを勧めています。患者さんが利用するコーディネーター機関があれば、名称と連絡先をメモに残してください。医療滞在ビザの身元保証もこの機関が担います。",
      en: "QST prefers patients from abroad to come through a registered medical coordinator. If the patient uses a coordinator agency, record its name and contact in a note. The agency is also the guarantor for a Visa for Medical Stay.",
    },
    sources: ["https://www.nirs.qst.go.jp/hospital/abroad/"],
  },
];

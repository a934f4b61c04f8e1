/**
 * Synthetic trials for benchmarks: ClinicalTrials.gov API v2 JSON studies with realistic field
 * sizes and a spread of MSC products, sources, conditions, statuses and phases. Deterministic
 * (seeded), so two runs index the same text.
 */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CONDITIONS = ['Knee Osteoarthritis', 'Osteoporosis', 'Systemic Lupus Erythematosus', 'Graft Versus Host Disease', 'COVID-19 ARDS', "Crohn's Disease Perianal Fistula", 'Multiple Sclerosis', 'Spinal Cord Injury', 'Ischemic Stroke', 'Heart Failure', 'Liver Cirrhosis', 'Type 1 Diabetes', 'Diabetic Foot Ulcer', 'Degenerative Disc Disease', 'Rheumatoid Arthritis', 'Bronchopulmonary Dysplasia', 'Dry Eye Disease', 'Premature Ovarian Insufficiency', 'Amyotrophic Lateral Sclerosis', 'Burns'];
const PRODUCTS = [
  ['mesenchymal stromal cells', 'Biological'],
  ['MSC-derived secretome', 'Biological'],
  ['conditioned medium of mesenchymal stem cells', 'Biological'],
  ['MSC-derived exosomes', 'Biological'],
  ['extracellular vesicles from MSCs', 'Biological'],
] as const;
const SOURCES = ['umbilical cord', "Wharton's jelly", 'adipose tissue', 'bone marrow', 'placenta', 'dental pulp', 'menstrual blood', 'amniotic membrane'];
const DONORS = ['allogeneic', 'autologous'];
const ROUTES = ['intravenous infusion', 'intra-articular injection', 'intrathecal injection', 'topical application', 'intradiscal injection', 'intramuscular injection', 'intranasal administration'];
const STATUSES = ['RECRUITING', 'NOT_YET_RECRUITING', 'ACTIVE_NOT_RECRUITING', 'COMPLETED', 'TERMINATED', 'WITHDRAWN', 'UNKNOWN', 'ENROLLING_BY_INVITATION'];
const PHASES = [['PHASE1'], ['PHASE2'], ['PHASE1', 'PHASE2'], ['PHASE2', 'PHASE3'], ['EARLY_PHASE1'], ['PHASE3'], ['NA']];
const COUNTRIES = ['China', 'United States', 'Iran, Islamic Republic of', 'Indonesia', 'Spain', 'Korea, Republic of', 'Brazil', 'Turkey', 'India', 'Germany', 'Egypt', 'Pakistan'];
const SPONSORS = ['University Hospital', 'Stem Cell Institute', 'Regenerative Medicine Centre', 'Cell Therapy Company', 'Medical University', 'National Research Agency'];
const OUTCOMES = ['Adverse events', 'Visual analogue scale (VAS) pain', 'WOMAC total score', 'KOOS', 'MRI cartilage volume', 'Bone mineral density (BMD)', 'SLEDAI-2K', 'EDSS', 'PaO2/FiO2 ratio', 'Mortality', 'HbA1c', 'Wound closure rate', 'Oswestry Disability Index', 'Forced expiratory volume (FEV1)'];
const WORDS = 'safety efficacy tolerability feasibility regeneration inflammation cytokine paracrine immunomodulation cartilage bone tissue repair function pain quality life randomised controlled placebo dose escalation follow-up visits baseline month week infusion injection culture expansion passage characterisation sterility potency release criteria manufacturing GMP'.split(' ');

export function syntheticStudy(i: number): Record<string, unknown> {
  const r = rng(i * 7919 + 13);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const sentence = (n: number) => {
    const w = Array.from({ length: n }, () => pick(WORDS));
    return `${w[0]![0]!.toUpperCase()}${w[0]!.slice(1)} ${w.slice(1).join(' ')}.`;
  };
  const [product, type] = pick(PRODUCTS);
  const source = pick(SOURCES);
  const donor = pick(DONORS);
  const route = pick(ROUTES);
  const condition = pick(CONDITIONS);
  const enrollment = 5 + Math.floor(r() * 300);
  const startYear = 2012 + Math.floor(r() * 14);
  const nct = `NCT${String(10000000 + i).padStart(8, '0')}`;
  const arms = [
    { label: `${donor} ${source} ${product}`, type: 'EXPERIMENTAL', description: `${route} of ${donor} ${source}-derived ${product}. ${sentence(12)}`, interventionNames: [`${type}: ${source} ${product}`] },
    ...(r() < 0.6 ? [{ label: 'Placebo', type: 'PLACEBO_COMPARATOR', description: 'Saline of the same volume.', interventionNames: ['Other: Placebo'] }] : []),
  ];
  const criteria = `Inclusion Criteria:\n\n${Array.from({ length: 2 + Math.floor(r() * 10) }, () => `* ${sentence(10)}`).join('\n')}\n* Age 18 to 75 years\n\nExclusion Criteria:\n\n${Array.from({ length: 2 + Math.floor(r() * 14) }, () => `* ${sentence(9)}`).join('\n')}`;
  return {
    protocolSection: {
      identificationModule: {
        nctId: nct,
        orgStudyIdInfo: { id: `SYN-${i}` },
        briefTitle: `${donor[0]!.toUpperCase()}${donor.slice(1)} ${source} ${product} for ${condition} (${i})`,
        officialTitle: `A ${pick(['randomised', 'open-label', 'single-arm', 'double-blind'])} study of ${route} of ${donor} ${source}-derived ${product} in ${condition}`,
      },
      statusModule: {
        overallStatus: pick(STATUSES),
        startDateStruct: { date: `${startYear}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}`, type: 'ACTUAL' },
        completionDateStruct: { date: `${startYear + 2}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}`, type: 'ESTIMATED' },
        lastUpdatePostDateStruct: { date: `${Math.min(2026, startYear + 3)}-03-01`, type: 'ACTUAL' },
      },
      sponsorCollaboratorsModule: { leadSponsor: { name: `${pick(SPONSORS)} ${i % 97}` } },
      descriptionModule: {
        briefSummary: `This study evaluates ${route} of ${donor} ${source}-derived ${product} in patients with ${condition}. ${sentence(18)} ${sentence(14)}`,
        // lengths vary as real records do: from a few lines to several screens
        detailedDescription: Array.from({ length: 2 + Math.floor(r() * r() * 40) }, () => sentence(12 + Math.floor(r() * 16))).join(' '),
      },
      conditionsModule: { conditions: [condition], keywords: [source, product, 'regenerative medicine'] },
      designModule: {
        studyType: 'INTERVENTIONAL',
        phases: pick(PHASES),
        designInfo: { allocation: arms.length > 1 ? 'RANDOMIZED' : 'NA', interventionModel: arms.length > 1 ? 'PARALLEL' : 'SINGLE_GROUP', primaryPurpose: 'TREATMENT', maskingInfo: { masking: arms.length > 1 ? 'DOUBLE' : 'NONE' } },
        enrollmentInfo: { count: enrollment, type: 'ESTIMATED' },
      },
      armsInterventionsModule: {
        armGroups: arms,
        interventions: [
          { type: type.toUpperCase(), name: `${source} ${product}`, description: `${sentence(16)}` },
          ...(arms.length > 1 ? [{ type: 'OTHER', name: 'Placebo', description: 'Normal saline.' }] : []),
        ],
      },
      outcomesModule: {
        primaryOutcomes: [{ measure: pick(OUTCOMES), timeFrame: '12 months', description: sentence(12) }],
        secondaryOutcomes: Array.from({ length: 3 }, () => ({ measure: pick(OUTCOMES), timeFrame: `${pick([3, 6, 12, 24])} months` })),
      },
      eligibilityModule: { eligibilityCriteria: criteria, sex: 'ALL', minimumAge: '18 Years', maximumAge: '75 Years', healthyVolunteers: false },
      contactsLocationsModule: { locations: Array.from({ length: 1 + Math.floor(r() * 3) }, (_, k) => ({ facility: `${pick(SPONSORS)} site ${k + 1}`, city: `City ${i % 50}`, country: pick(COUNTRIES) })) },
    },
    hasResults: r() < 0.15,
  };
}

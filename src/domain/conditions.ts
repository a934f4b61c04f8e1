/**
 * The condition taxonomy: what a trial is about, in two levels.
 *
 * - **Categories** (`CONDITION_CATEGORIES`): a curated set of organ systems and clinical fields
 *   where MSC trials cluster (bones and joints, neurological, GVHD and transplantation…). A trial
 *   belongs to every category one of its conditions falls in, or to the counted `UNCLASSIFIED`.
 * - **Groups** (`conditionGroupsOf`): finer named conditions inside a category ("Knee
 *   osteoarthritis", "Crohn's disease and perianal fistula") that the ready-made comparisons use.
 *   A condition no group knows has no group (it still has its categories).
 *
 * Where the words come from, in order (the first step that yields a category decides; docs/conditions.md):
 * 1. the record's conditions, and the MeSH terms the registry derived from them (ClinicalTrials.gov
 *    API v2 `derivedSection.conditionBrowseModule.meshes`), each read by the rules below;
 * 2. the MeSH ancestors of those terms, mapped by `MESH_BRANCHES` (the registry's own tree);
 * 3. the keywords, then the title and official title, read by the same rules — for records whose
 *    conditions name the product ("Mesenchymal Stem Cells") or the study ("Safety") instead of a
 *    disease.
 *
 * A rule lists a second category only where the condition is placed in both branches of the MeSH
 * tree (lupus nephritis: autoimmune and kidney; diabetic foot ulcer: diabetes and skin), so a
 * trial read from its MeSH terms and one read from its condition strings meet in the same
 * categories. This module imports nothing else of src/.
 */

export const CATEGORY_SLUGS = [
  'musculoskeletal',
  'neurological',
  'cardiovascular',
  'respiratory',
  'gvhd-transplant',
  'autoimmune-inflammatory',
  'digestive',
  'liver',
  'kidney-urinary',
  'diabetes-endocrine',
  'skin-wounds',
  'eye',
  'reproductive',
  'blood',
  'cancer',
  'oral-dental',
  'infection-critical',
  'ageing-frailty',
] as const;
export type CategorySlug = (typeof CATEGORY_SLUGS)[number];

export interface ConditionCategory {
  slug: CategorySlug | 'unclassified';
  label: string;
  /** what belongs here, in a sentence a reader of the overview understands */
  description: string;
}

export const CONDITION_CATEGORIES: readonly (ConditionCategory & { slug: CategorySlug })[] = [
  { slug: 'musculoskeletal', label: 'Bones, joints and muscles', description: 'Osteoarthritis, cartilage and meniscus, bone defects, fractures and osteonecrosis, spine and disc, tendons and ligaments, muscular dystrophies.' },
  { slug: 'neurological', label: 'Brain, spinal cord and nerves', description: 'Stroke, spinal cord and brain injury, multiple sclerosis, ALS, Parkinson’s and Alzheimer’s disease, cerebral palsy, autism and other neurodevelopmental or psychiatric conditions.' },
  { slug: 'cardiovascular', label: 'Heart and blood vessels', description: 'Heart failure, myocardial infarction and ischaemia, cardiomyopathy, congenital heart disease, critical limb ischaemia and peripheral arterial disease.' },
  { slug: 'respiratory', label: 'Lungs and airways', description: 'COVID-19 and its pneumonia, ARDS and acute lung injury, bronchopulmonary dysplasia, pulmonary fibrosis, COPD, asthma, airway stenosis.' },
  { slug: 'gvhd-transplant', label: 'GVHD and transplantation', description: 'Graft-versus-host disease, haematopoietic stem cell transplantation (engraftment, poor graft function), organ transplant rejection and tolerance.' },
  { slug: 'autoimmune-inflammatory', label: 'Autoimmune and inflammatory', description: 'Lupus, rheumatoid arthritis, systemic sclerosis, Sjögren’s, myositis, spondyloarthritis, inflammatory bowel disease, psoriasis, type 1 diabetes, multiple sclerosis and other immune-mediated diseases.' },
  { slug: 'digestive', label: 'Digestive tract', description: 'Crohn’s disease and ulcerative colitis, perianal and other fistulas, faecal incontinence, pancreatitis.' },
  { slug: 'liver', label: 'Liver and bile ducts', description: 'Cirrhosis, acute, chronic and acute-on-chronic liver failure, biliary cholangitis, liver transplantation.' },
  { slug: 'kidney-urinary', label: 'Kidney and urinary tract', description: 'Chronic and acute kidney disease, nephropathies and nephrotic syndrome, kidney transplantation, bladder and incontinence.' },
  { slug: 'diabetes-endocrine', label: 'Diabetes, endocrine and metabolic', description: 'Type 1 and type 2 diabetes and their complications, metabolic syndrome, lipodystrophy and other metabolic or hormonal disorders.' },
  { slug: 'skin-wounds', label: 'Skin, wounds and burns', description: 'Diabetic, venous and other ulcers, burns and wounds, scars, epidermolysis bullosa, psoriasis, atopic dermatitis, skin ageing and soft-tissue reconstruction.' },
  { slug: 'eye', label: 'Eye', description: 'Retinitis pigmentosa and retinal dystrophies, macular degeneration, glaucoma and optic neuropathies, dry eye and corneal disease.' },
  { slug: 'reproductive', label: 'Reproductive and sexual health', description: 'Ovarian insufficiency, infertility, thin endometrium and intrauterine adhesions, erectile dysfunction, Peyronie’s disease.' },
  { slug: 'blood', label: 'Blood and bone marrow', description: 'Aplastic anaemia, myelodysplastic syndromes, cytopenias, haemophilia, sickle cell disease and thalassaemia, haematological malignancies.' },
  { slug: 'cancer', label: 'Cancer', description: 'Leukaemia, lymphoma and myeloma, brain tumours, ovarian, pancreatic and other solid tumours.' },
  { slug: 'oral-dental', label: 'Mouth, teeth and jaw', description: 'Periodontitis, alveolar bone and dental implants, cleft lip and palate, dry mouth after radiotherapy, temporomandibular disorders.' },
  { slug: 'infection-critical', label: 'Infection, sepsis and organ failure', description: 'Sepsis and septic shock, multiple organ failure, cytokine storm and critical illness, HIV, hepatitis B and other infections (COVID-19 is counted under lungs).' },
  { slug: 'ageing-frailty', label: 'Ageing and frailty', description: 'Frailty of older age and ageing itself.' },
];

export const UNCLASSIFIED: ConditionCategory & { slug: 'unclassified' } = {
  slug: 'unclassified',
  label: 'Unclassified',
  description: 'Trials whose conditions, MeSH terms, keywords and titles name no condition the taxonomy knows (for example only “Healthy” volunteers).',
};

const CATEGORY_BY_SLUG = new Map<string, ConditionCategory>([...CONDITION_CATEGORIES, UNCLASSIFIED].map((c) => [c.slug, c]));

/** Every category's label by its slug, Unclassified included: the labels of a `category` facet (search, compare). */
export const CATEGORY_LABELS: Readonly<Record<string, string>> = Object.fromEntries([...CONDITION_CATEGORIES, UNCLASSIFIED].map((c) => [c.slug, c.label]));

/** A category by its slug (the `?category=` value), or undefined. */
export function categoryBySlug(slug: string): ConditionCategory | undefined {
  return CATEGORY_BY_SLUG.get(slug);
}

export interface ConditionGroup {
  slug: string;
  label: string;
}

/**
 * One rule: a pattern over one condition text, the categories it places the condition in, and
 * (for the finer level) the group it names. Groups are tried in order and the first wins; every
 * matching rule adds its categories.
 */
interface Rule {
  categories: readonly CategorySlug[];
  pattern: RegExp;
  group?: ConditionGroup;
}

const g = (slug: string, label: string): ConditionGroup => ({ slug, label });

/*
 * The rules. Patterns are matched case-insensitively against one condition (or one MeSH term,
 * keyword or title). Words that describe the product or the study ("stem cell transplantation",
 * "safety", "bone marrow") are deliberately not matched: "Stem Cell Transplant Complications" is
 * how one cerebral palsy trial names its treatment, not a transplant condition.
 */
const RULES: readonly Rule[] = [
  // --- musculoskeletal
  { group: g('knee-osteoarthritis', 'Knee osteoarthritis'), categories: ['musculoskeletal'], pattern: /\bknees?\b.*\b(osteo ?arthr|arthr|degenerat|OA\b)|\b(osteo ?arthr|arthr|OA\b)\w*\b.*\bknee|\bKOA\b|gonarthrosis/iu },
  { group: g('hip-osteoarthritis', 'Hip osteoarthritis'), categories: ['musculoskeletal'], pattern: /\bhip\b.*\bosteoarthri|\bosteoarthri\w*\b.*\bhip\b|coxarthrosis/iu },
  { group: g('osteoarthritis', 'Osteoarthritis (other joints or unspecified)'), categories: ['musculoskeletal'], pattern: /osteo ?arthri|osteoartritis|\bOA\b|\barthrosis|degenerative arthritis|spondyloarthrosis/iu },
  { group: g('cartilage-defects', 'Cartilage and meniscus injuries'), categories: ['musculoskeletal'], pattern: /cartilage|chondral|chondropathy|osteochondr|menisc/iu },
  { group: g('osteonecrosis', 'Osteonecrosis of the femoral head'), categories: ['musculoskeletal'], pattern: /osteonecrosis|avascular necrosis|hip necrosis|femoral head|kienb[öo]ck/iu },
  { group: g('osteoporosis', 'Osteoporosis'), categories: ['musculoskeletal'], pattern: /osteopor|osteopenia/iu },
  { group: g('osteogenesis-imperfecta', 'Osteogenesis imperfecta'), categories: ['musculoskeletal'], pattern: /osteogenesis imperfecta/iu },
  { group: g('bone-defects-and-fractures', 'Bone defects, fractures and nonunion'), categories: ['musculoskeletal'], pattern: /fractur|non ?-?union|^union$|pseudarthrosis|bone (defect|loss|cyst|atroph|disease|graft|regenerat|healing|edema|neoplasm)|grafting bone|\bbone\b.*\b(defect|loss)|osteodysplasia|metaphyseal|spinal fusion|arthrodesis|spinal tuberculosis|bone marrow edema|cranial (reconstruct|defect)|cranioplasty|skull/iu },
  { group: g('disc-degeneration', 'Disc degeneration and back pain'), categories: ['musculoskeletal'], pattern: /\bdis[ck]\b|discopathy|discogenic|back pain|intervertebral|facet|spondyl(olisthesis|osis)|spinal (diseases|arthritis)|(spinal|lumbar|cervical|foraminal) (\w+ )?stenosis|adjacent segment|osteoarthritis, spine|\bspine\b/iu },
  { group: g('tendon-and-ligament', 'Tendon, ligament and rotator cuff injuries'), categories: ['musculoskeletal'], pattern: /tend[io]n|tendin|rotator cuff|supraspinatus|(?<!periodontal )ligament(?! derived)|epicondylitis|\bACL\b|labr(um|al) tear|shoulder (impingement|pain)|impingement/iu },
  { categories: ['musculoskeletal'], pattern: /muscular dystroph|^dystrophy$|rheumatic|sports injur|athletic injur|duchenne|\bmyopathy|musculoskeletal|joint disease|\barthritis\b|arthralgia|knee (injur|pain|degenerat|effusion)|\bknee\b|ankle|\bhip\b|shoulder|osteodystroph|leg length|ankylosis|craniofacial|mandib|maxill|alveolar (bone|ridge|cleft)|cleft|jaw/iu },
  { group: g('rheumatoid-arthritis', 'Rheumatoid arthritis'), categories: ['autoimmune-inflammatory', 'musculoskeletal'], pattern: /rheumatoid|polyarthropath/iu },
  { categories: ['autoimmune-inflammatory', 'musculoskeletal'], pattern: /ankylosing|spondyl(arthr|itis)|myositis/iu },
  // --- neurological
  { group: g('spinal-cord-injury', 'Spinal cord injury'), categories: ['neurological'], pattern: /spinal cord (injur|lesion)|\bSCI\b|myelomeningocele/iu },
  { group: g('stroke', 'Stroke'), categories: ['neurological'], pattern: /stroke|cerebral infarct|brain infarct|infarction,? (middle|anterior|posterior) cerebral|cerebral artery infarct|infarction, (pca|posterior circulation)|intracerebral h(a)?emorrhage|cerebral h(a)?emorrhage|cerebrovascular|basal ganglia h/iu },
  { group: g('multiple-sclerosis', 'Multiple sclerosis'), categories: ['neurological', 'autoimmune-inflammatory'], pattern: /multiple sclerosis|\bRRMS\b|\bSPMS\b|\bPPMS\b/iu },
  { group: g('neuromyelitis-optica', 'Neuromyelitis optica'), categories: ['neurological', 'autoimmune-inflammatory'], pattern: /neuromyelitis|devic/iu },
  { group: g('als', 'Amyotrophic lateral sclerosis'), categories: ['neurological'], pattern: /amyotrophic|\bALS\b|motor neuron|primary lateral sclerosis/iu },
  { group: g('parkinsons-disease', "Parkinson's disease and parkinsonism"), categories: ['neurological'], pattern: /parkinson|bradykinesia|multiple system atrophy|\bMSA\b|progressive supranuclear/iu },
  { group: g('alzheimers-disease', "Alzheimer's disease and dementia"), categories: ['neurological'], pattern: /alzheimer|dementia|tauopath|cognitive/iu },
  { group: g('cerebral-palsy', 'Cerebral palsy'), categories: ['neurological'], pattern: /cerebral palsy/iu },
  { group: g('autism', 'Autism spectrum disorder'), categories: ['neurological'], pattern: /autis|\bASD\b/iu },
  { group: g('brain-injury', 'Brain injury and hypoxic-ischaemic encephalopathy'), categories: ['neurological'], pattern: /brain (injur|damage)|\bTBI\b|hypoxic[- ]ischemic|hypoxia-ischemia|encephalopathy|concussion|intraventricular h(a)?emorrhage|\bIVH\b|anoxic/iu },
  { group: g('ataxia', 'Hereditary and spinocerebellar ataxias'), categories: ['neurological'], pattern: /ataxia/iu },
  { categories: ['neurological'], pattern: /neuro(logic|degenerat|developmental|pathy|path)|nervous system|\bbrain\b|huntington|epilep|paralysis|polyneuropath|demyelinat|charcot|spinal muscular atrophy|adrenoleukodystrophy|trigeminal|migraine|tourette|facial nerve|brachial plexus|pitt[- ]hopkins|kabuki|\bpalsy\b|depress|bipolar|\bmental\b|alcohol use|myelopathy|radiculopathy|spinal cord (disease|compression)|nerve (fiber |fibre )?injur|peripheral nerve|leukodystroph/iu },
  // --- cardiovascular
  { group: g('heart-disease', 'Heart failure, myocardial infarction and cardiomyopathy'), categories: ['cardiovascular'], pattern: /^(?!.*transplant).*(heart|(?<!non-)cardiac|cardio(myopath|vascular)|myocardi|coronary|angina|\bSTEMI\b|ventricular (dysfunction|remodel)|\bHLHS\b|\bCHD\b|ischemic cardio)/iu },
  { group: g('limb-ischemia', 'Critical limb ischaemia and peripheral arterial disease'), categories: ['cardiovascular'], pattern: /limb isch|isch(a)?emi\w* of the lower limb|peripheral (arter|vascular)|arterial occlusive|buerger|thromboangiitis|\bCLI\b|lower limb isch/iu },
  { categories: ['cardiovascular'], pattern: /vascular disease|atheroscler|arterioscler|\baneurysm\b|endothelial dysfunction|^isch(a)?emia$|pulmonary hypertension|renovascular|renal artery stenosis|calciphylaxis|arteriolopathy|vascular access/iu },
  // --- respiratory
  { group: g('covid-19-and-ards', 'COVID-19 and ARDS'), categories: ['respiratory'], pattern: /covid|sars-?\s?cov|coronavirus|corona virus|novel corona|acute respiratory distress|respiratory distress syndrome|\bARDS\b|acute lung injur|lung injur|\bSAR\b|mis-?c\b|multisystem inflammatory/iu },
  { group: g('bronchopulmonary-dysplasia', 'Bronchopulmonary dysplasia'), categories: ['respiratory'], pattern: /bronchopulmonary dysplasia|\bBPD\b/iu },
  { group: g('pulmonary-fibrosis', 'Pulmonary fibrosis and interstitial lung disease'), categories: ['respiratory'], pattern: /pulmonary fibrosis|lung fibrosis|\bIPF\b|interstitial (lung|pneumonia)|lung diseases?, interstitial|pneumonia, interstitial|pneumoconiosis|hemosiderosis/iu },
  { group: g('copd-and-emphysema', 'COPD and emphysema'), categories: ['respiratory'], pattern: /\bCOPD\b|chronic obstructive|emphysema|chronic bronchitis/iu },
  { categories: ['respiratory'], pattern: /pulmonary|\blung\b|respirat|pneumon|asthma|bronch|tracheal|laryn|vocal fold|dysphonia|aphonia|hoarseness|rhinitis|rhinosinusitis|\bnasal\b|dyspnea|cystic fibrosis|air leak/iu },
  // --- GVHD and transplantation
  { group: g('graft-versus-host-disease', 'Graft-versus-host disease'), categories: ['gvhd-transplant'], pattern: /graft[- ]*(versus|vs\.?)[- ]*host|\bGv?HD?\b|\baGVHD\b|\bcGVHD\b/iu },
  { group: g('hematopoietic-transplant', 'Haematopoietic stem cell transplantation and engraftment'), categories: ['gvhd-transplant'], pattern: /h(a)?ematopoietic (stem cell )?transplant|stem cell transplantation, hematopoietic|\bHSCT\b|allogeneic (stem cell|hematopoietic) transplant|bone marrow transplant|blood and marrow transplant|cord blood transplant|graft (failure|function)|poor graft|engraftment|chimerism|immune reconstitution|bone marrow donor/iu },
  { group: g('organ-transplant', 'Organ transplantation and rejection'), categories: ['gvhd-transplant'], pattern: /(kidney|renal|liver|lung|heart|organ) transplant|transplant(ation)? reject|allograft|rejection|delayed graft|graft loss|transplant recipient|organ transplantation|transplantation tolerance|disorder related to (renal )?transplantation/iu },
  // --- autoimmune and inflammatory
  { group: g('lupus', 'Systemic lupus erythematosus and lupus nephritis'), categories: ['autoimmune-inflammatory'], pattern: /lupus|\bSLE\b/iu },
  { group: g('systemic-sclerosis', 'Systemic sclerosis'), categories: ['autoimmune-inflammatory', 'skin-wounds'], pattern: /systemic sclerosis|sclerosis, systemic|scleroderma/iu },
  { group: g('sjogrens-syndrome', "Sjögren's syndrome"), categories: ['autoimmune-inflammatory'], pattern: /sj[öo]gren/iu },
  { categories: ['autoimmune-inflammatory'], pattern: /autoimmun|immune (system|related|mediated)|myositis|connective tissue|overlap syndrome|inflammation|(?<!systemic )inflammatory|immune thrombocytopen/iu },
  // --- digestive
  { group: g('crohns-disease', "Crohn's disease and perianal fistula"), categories: ['digestive', 'autoimmune-inflammatory'], pattern: /crohn/iu },
  { group: g('ulcerative-colitis', 'Ulcerative colitis'), categories: ['digestive', 'autoimmune-inflammatory'], pattern: /ulcerative colitis|inflammatory bowel|\bIBD\b|irritable bowel|ileal pouch|pouch(es)?,? ileal|pouchitis|ileoanal/iu },
  { group: g('perianal-fistula', 'Perianal and rectovaginal fistula'), categories: ['digestive'], pattern: /perianal|anal fistula|fistula[- ]in[- ]ano|fistula perianal|recto-?vaginal|rectal fistula|rectolabial|fistula vagina|cryptoglandular/iu },
  { categories: ['digestive'], pattern: /f(a)?ecal incontinence|pancreatit|bowel|enterocolitis|digestive|gastro|colitis|intestin|surgical leak|^fistula$|esophag/iu },
  // --- liver
  { group: g('liver-disease', 'Liver cirrhosis and failure'), categories: ['liver'], pattern: /(?<!renal )cirrhos|\bliver|hepatic|hepato|hepatitis|end stage liver|child-pugh|ascites|biliary|cholangitis|wilson/iu },
  // --- kidney and urinary
  { group: g('kidney-disease', 'Chronic and acute kidney disease'), categories: ['kidney-urinary'], pattern: /kidney|renal|nephr|glomerul|uremi|tubular necrosis|\bESRD\b|\bCKD\b|\bAKI\b|ultra ?filtration/iu },
  { categories: ['kidney-urinary'], pattern: /urinary|incontinence, stress|stress urinary|cystitis|\burolog|bladder/iu },
  // --- diabetes and endocrine
  { group: g('diabetes', 'Diabetes'), categories: ['diabetes-endocrine'], pattern: /^(?!.*(foot|ulcer|nephro|kidney|renal|retinopath|neuropath|erectile|wound|ketoacidosis)).*(diabet|\bT[12]DM?\b|insulin)/iu },
  { categories: ['diabetes-endocrine'], pattern: /diabet|\bT[12]DM?\b/iu },
  { categories: ['diabetes-endocrine'], pattern: /metabolic|lipodystroph|hormone deficiency|hypercholesterol|klinefelter|endocrin/iu },
  { categories: ['autoimmune-inflammatory'], pattern: /type ?(1|I)\b.*diabet|diabet\w* (mellitus,? )?type ?(1|I)\b|type1 ?diabet|insulin[- ]dependent|juvenile diabet/iu },
  // --- skin and wounds
  { group: g('wounds-and-ulcers', 'Wounds, ulcers and burns'), categories: ['skin-wounds'], pattern: /^(?!.*(uter|vocal fold|corneal|ocular|^wounds and injuries$)).*((?<!corneal )ulcer(?!ative)|wound|burn|donor site|amputation|tissue damage|diabetic foot|heel injur)/iu },
  { group: g('epidermolysis-bullosa', 'Epidermolysis bullosa'), categories: ['skin-wounds'], pattern: /epidermolysis bullosa/iu },
  { group: g('psoriasis', 'Psoriasis'), categories: ['skin-wounds', 'autoimmune-inflammatory'], pattern: /psoria/iu },
  { categories: ['skin-wounds'], pattern: /^(?!.*(uter|vocal fold|corneal|ocular)).*(\bskin\b|dermat|cicatri|\bscar|keloid|alopecia|wrinkle|urticaria|necrolysis|lyell|sweat gland|cutis|integumentary|transepidermal|photoaged|contour|hemifacial atrophy|romberg|rhomberg|breast (hypoplasia|reconstruct)|lipoatroph|aesthetic|volume insufficiency)/iu },
  // --- eye
  { group: g('retinal-dystrophy', 'Retinitis pigmentosa and retinal disease'), categories: ['eye'], pattern: /retin|macula|stargardt|vision|blindness/iu },
  { group: g('dry-eye', 'Dry eye disease'), categories: ['eye'], pattern: /dry eye|keratoconjunctivitis|tear deficiency/iu },
  { categories: ['eye'], pattern: /\beye\b|ophthalm|cornea|keratoconus|limbus|glaucoma|optic (nerve|neuropathy|atrophy)|ocular/iu },
  { categories: ['neurological'], pattern: /optic (nerve|neuropathy|atrophy)/iu },
  // --- reproductive
  { group: g('ovarian-insufficiency', 'Ovarian insufficiency'), categories: ['reproductive'], pattern: /ovarian (insufficiency|failure|response)|\bPOI\b|\bPOF\b|polycystic ovary/iu },
  { group: g('intrauterine-adhesions', 'Thin endometrium and intrauterine adhesions'), categories: ['reproductive'], pattern: /endometri(um|tis)|intrauterine adhesion|asherman|uterine (synechiae|scar|origin)|uterus/iu },
  { group: g('erectile-dysfunction', 'Erectile dysfunction'), categories: ['reproductive'], pattern: /erectile|peyronie/iu },
  { categories: ['reproductive'], pattern: /infertil|azoosperm|oligosperm|sexual dysfunction|pregnancy loss|repetition failure|testicular|fallopian tube obstruction|\bovar(y|ian)\b(?!.*(cancer|carcinoma|tumou?r|adenocarcinoma))/iu },
  // --- blood and bone marrow
  { group: g('aplastic-anemia', 'Aplastic anaemia and cytopenias'), categories: ['blood'], pattern: /aplastic an(a)?emia|\bSAA\b|cytopeni|neutropeni|thrombocytopeni|bone marrow aplasia|bone marrow failure|diamond-blackfan/iu },
  { group: g('myelodysplastic-syndromes', 'Myelodysplastic syndromes'), categories: ['blood', 'cancer'], pattern: /myelodysplastic|\bMDS\b|myelofibrosis|myeloproliferative/iu },
  { categories: ['blood'], pattern: /h(a)?ematolog|h(a)?emophilia|sickle cell|thalass(a)?emia|an(a)?emia|hematopoietic and lymphoid/iu },
  { categories: ['blood', 'cancer'], pattern: /leuk(a)?emia|lymphoma|hodgkin|myeloma|lymphoid malignanc|h(a)?ematolog\w* malignanc/iu },
  // --- cancer (the rest)
  { categories: ['cancer'], pattern: /cancer|carcinoma|neoplasm|tumou?r|glioma|glioblastoma|gliosarcoma|astrocytoma|medulloblastoma|neuroblastoma|melanoma|metasta|malignan|sarcoma/iu },
  // --- mouth, teeth and jaw
  { group: g('periodontitis', 'Periodontitis and alveolar bone'), categories: ['oral-dental'], pattern: /periodont|alveolar (bone|ridge|cleft|process)|gingiv|edentulous|dental (implant|defect|caries)|implant therapy|pulp necros|intrabony|tooth (loss|extraction)/iu },
  { group: g('xerostomia', 'Dry mouth after radiotherapy'), categories: ['oral-dental'], pattern: /xerostomi|dry mouth|hyposalivation|salivary/iu },
  { categories: ['oral-dental'], pattern: /cleft|temporomandibular|\bTMJ\b|mandib|maxill/iu },
  { categories: ['musculoskeletal'], pattern: /alveolar bone|temporomandibular joint osteoarthritis|jaw/iu },
  // --- infection, sepsis and organ failure
  { group: g('sepsis', 'Sepsis and septic shock'), categories: ['infection-critical'], pattern: /sepsis|septic|systemic inflammatory response|\bSIRS\b/iu },
  { categories: ['infection-critical'], pattern: /^(?!.*(covid|sars|corona|pneumon|respirat|pulmonary|lung)).*(multiple organ|organ failure|\bMODS\b|cytokine (storm|release)|hypercytokin|critical illness|\bshock\b|\bHIV\b|immunodeficiency virus|\bCMV\b|hepatitis b|\bHBV\b|infection|viral|tuberculosis)/iu },
  { categories: ['liver'], pattern: /hepatitis b|\bHBV\b/iu },
  // --- ageing and frailty
  { group: g('frailty', 'Ageing frailty'), categories: ['ageing-frailty'], pattern: /frailty|^ag(e)?ing\b/iu },
];

/**
 * The MeSH tree: branches of ClinicalTrials.gov's `conditionBrowseModule.ancestors` and the
 * category each stands for. Read only when no condition and no MeSH term of the record matches a
 * rule (a term the rules do not know, with a known ancestor). Broad branches that cut across
 * organs ("Pathologic Processes", "Wounds and Injuries", "Pain") are deliberately absent.
 */
export const MESH_BRANCHES: Readonly<Record<string, readonly CategorySlug[]>> = {
  'Musculoskeletal Diseases': ['musculoskeletal'],
  'Bone Diseases': ['musculoskeletal'],
  'Joint Diseases': ['musculoskeletal'],
  'Muscular Diseases': ['musculoskeletal'],
  'Nervous System Diseases': ['neurological'],
  'Mental Disorders': ['neurological'],
  'Heart Diseases': ['cardiovascular'],
  'Vascular Diseases': ['cardiovascular'],
  'Respiratory Tract Diseases': ['respiratory'],
  'Graft vs Host Disease': ['gvhd-transplant'],
  'Autoimmune Diseases': ['autoimmune-inflammatory'],
  'Rheumatic Diseases': ['musculoskeletal'],
  'Gastrointestinal Diseases': ['digestive'],
  'Pancreatic Diseases': ['digestive'],
  'Liver Diseases': ['liver'],
  'Biliary Tract Diseases': ['liver'],
  'Kidney Diseases': ['kidney-urinary'],
  'Urologic Diseases': ['kidney-urinary'],
  'Diabetes Mellitus': ['diabetes-endocrine'],
  'Endocrine System Diseases': ['diabetes-endocrine'],
  'Metabolic Diseases': ['diabetes-endocrine'],
  'Skin Diseases': ['skin-wounds'],
  'Burns': ['skin-wounds'],
  'Eye Diseases': ['eye'],
  'Genital Diseases': ['reproductive'],
  'Infertility': ['reproductive'],
  'Hematologic Diseases': ['blood'],
  'Neoplasms': ['cancer'],
  'Stomatognathic Diseases': ['oral-dental'],
  'Sepsis': ['infection-critical'],
  'Infections': ['infection-critical'],
};

/** What a trial record offers the taxonomy: a `Trial` has all of it. */
export interface ConditionSource {
  conditions: readonly string[];
  keywords?: readonly string[];
  title?: string;
  officialTitle?: string | null;
  /** MeSH terms the registry derived from the conditions, and their ancestors (API v2 JSON only) */
  conditionMesh?: { terms: readonly string[]; ancestors: readonly string[] } | null;
}

/** Why a trial is in a category: the field, its text, and the rule or MeSH branch that matched. */
export interface CategoryEvidence {
  category: CategorySlug;
  field: 'conditions' | 'conditionMesh.terms' | 'conditionMesh.ancestors' | 'keywords' | 'title' | 'officialTitle';
  text: string;
  match: string;
}

const categoriesOfText = (text: string): { category: CategorySlug; match: string }[] => {
  const out: { category: CategorySlug; match: string }[] = [];
  for (const rule of RULES) {
    const m = rule.pattern.exec(text);
    if (!m) continue;
    for (const category of rule.categories) if (!out.some((o) => o.category === category)) out.push({ category, match: m[0] });
  }
  return out;
};

/**
 * Every category of a trial with the words that placed it there, in taxonomy order; [] when the
 * trial is unclassified. See the module comment for the order the fields are read in.
 */
export function categoryEvidenceOf(trial: ConditionSource): CategoryEvidence[] {
  // pages ask for the same trial's categories many times per build: read each record once
  const cached = evidenceCache.get(trial);
  if (cached) return [...cached];
  const evidence = readCategories(trial);
  evidenceCache.set(trial, evidence);
  return [...evidence];
}

const evidenceCache = new WeakMap<ConditionSource, CategoryEvidence[]>();

function readCategories(trial: ConditionSource): CategoryEvidence[] {
  const found = new Map<CategorySlug, CategoryEvidence>();
  const read = (field: CategoryEvidence['field'], texts: readonly string[]) => {
    for (const text of texts) for (const { category, match } of categoriesOfText(text)) if (!found.has(category)) found.set(category, { category, field, text, match });
  };
  read('conditions', trial.conditions);
  read('conditionMesh.terms', trial.conditionMesh?.terms ?? []);
  if (found.size === 0) {
    for (const ancestor of trial.conditionMesh?.ancestors ?? []) {
      for (const category of MESH_BRANCHES[ancestor] ?? []) if (!found.has(category)) found.set(category, { category, field: 'conditionMesh.ancestors', text: ancestor, match: ancestor });
    }
  }
  if (found.size === 0) read('keywords', trial.keywords ?? []);
  if (found.size === 0 && trial.title) read('title', [trial.title]);
  if (found.size === 0 && trial.officialTitle) read('officialTitle', [trial.officialTitle]);
  return CATEGORY_SLUGS.filter((s) => found.has(s)).map((s) => found.get(s)!);
}

/**
 * The categories of a trial, in taxonomy order: one or more, or `[UNCLASSIFIED]`. A trial counts
 * once in each category it belongs to, however many of its conditions fall there.
 */
export function conditionCategoriesOf(trial: ConditionSource): ConditionCategory[] {
  const evidence = categoryEvidenceOf(trial);
  return evidence.length ? evidence.map((e) => CATEGORY_BY_SLUG.get(e.category)!) : [UNCLASSIFIED];
}

/** The category slugs of a trial (`unclassified` when none): the `?category=` facet values. */
export function categorySlugsOf(trial: ConditionSource): string[] {
  return conditionCategoriesOf(trial).map((c) => c.slug);
}

export function conditionSlug(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/gu, '')
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-+|-+$/gu, '')
    .slice(0, 80);
}

const GROUP_RULES = RULES.filter((r): r is Rule & { group: ConditionGroup } => r.group !== undefined);

/** Every named group of the taxonomy, with the categories its rule places it in. */
export const CONDITION_GROUPS: readonly (ConditionGroup & { categories: readonly CategorySlug[] })[] = GROUP_RULES.map((r) => ({ ...r.group, categories: r.categories }));

/** The group of one condition text: the first group whose pattern matches, or null. */
export function groupOfCondition(condition: string): ConditionGroup | null {
  const hit = GROUP_RULES.find((r) => r.pattern.test(condition));
  return hit ? { ...hit.group } : null;
}

/** Groups that name a disease at a site: a list may state the two apart ("Osteoarthritis (OA)", "Knee Injury"). */
const SITED = ['knee-osteoarthritis', 'hip-osteoarthritis'];

/**
 * The distinct condition groups of a trial, in the order of its conditions (and then of its MeSH
 * terms). Conditions no group knows add none: such a trial is still in its categories. A
 * condition grouped as unspecified osteoarthritis is the knee (or hip) group when the trial's
 * conditions together name that joint ("Osteoarthritis (OA)", "Knee Injury", "Cartilage
 * Degeneration": one meddatax chip line, split).
 */
export function conditionGroupsOf(trial: ConditionSource): ConditionGroup[] {
  const seen = new Set<string>();
  const out: ConditionGroup[] = [];
  const together = trial.conditions.join(' ');
  const sited = GROUP_RULES.find((r) => SITED.includes(r.group.slug) && r.pattern.test(together));
  for (const c of [...trial.conditions, ...(trial.conditionMesh?.terms ?? [])]) {
    let group = groupOfCondition(c);
    if (group?.slug === 'osteoarthritis' && sited) group = { ...sited.group };
    if (!group || seen.has(group.slug)) continue;
    seen.add(group.slug);
    out.push(group);
  }
  return out;
}

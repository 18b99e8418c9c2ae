import { faker } from '@faker-js/faker/locale/id_ID';
import type { Rng } from './prng';
import { weightedTable } from './prng';

/**
 * Indonesian names by sex, flavoured by region. The "general" pool is faker's id_ID word lists, read
 * once as plain arrays (no faker randomness on the hot path); the regional pools are our own.
 */
export type Culture = 'general' | 'javanese' | 'sundanese' | 'batak' | 'minang' | 'bugis' | 'balinese' | 'muslim' | 'minahasa' | 'eastern';
export type Sex = 'L' | 'P';

interface Pool {
  given: Record<Sex, readonly string[]>;
  /** Second names by sex (Javanese, Sundanese…) or a family name shared by the household (marga, fam). */
  second: Record<Sex, readonly string[]>;
  familyName: boolean;
  /** Share written as one name only (common in Java). */
  mononym: number;
}

const w = (text: string) => text.split(/\s+/).filter(Boolean);

const fakerPerson = faker.definitions.person as unknown as {
  first_name: Record<'male' | 'female' | 'generic', string[]>;
  last_name: Record<'male' | 'female' | 'generic', string[]>;
};

const CHRISTIAN_MALE = w('Yohanes Petrus Paulus Markus Yakobus Fransiskus Agustinus Yosef Stefanus Alexander Dominggus Melkianus Yulius Kornelis Obed Hendrik Albertus Arnold Frengky Deni Ricky Jefri Rolly Hengki Marthen Yunus Simon Yeremias Daniel Elias');
const CHRISTIAN_FEMALE = w('Maria Yuliana Agustina Elisabeth Veronika Magdalena Theresia Margaretha Fransiska Yohana Selvi Meiske Novi Jein Natalia Kristina Paulina Debora Marlin Yuli Mersi Olvi Grace Ester Priskila');

const POOLS: Record<Culture, Pool> = {
  general: {
    given: { L: fakerPerson.first_name.male, P: fakerPerson.first_name.female },
    second: { L: fakerPerson.last_name.male, P: fakerPerson.last_name.female },
    familyName: false,
    mononym: 0.05,
  },
  javanese: {
    given: {
      L: w('Agus Bambang Budi Joko Slamet Sugeng Wahyu Teguh Eko Dwi Tri Heru Hadi Bayu Galih Anang Yudi Rudi Wawan Arif Bagus Dimas Satrio Aji Rizky Fajar Ilham Adi Yoga Dani Andri Catur Gilang Purnomo Setyo Hendro Sigit'),
      P: w('Sri Siti Endang Tri Dwi Wahyu Puji Retno Dyah Ayu Wulan Kartika Indah Fitri Rina Yuni Nanik Tutik Murni Rini Dewi Anjani Larasati Galuh Ratna Endah Ika Eka Nur Titik Sumi Yeni Novi Septi'),
    },
    second: {
      L: w('Santoso Prasetyo Nugroho Widodo Setiawan Hartono Wibowo Saputro Purnomo Susanto Kurniawan Hidayat Wijaya Pratama Cahyono Sulistyo Yulianto Haryadi Riyadi Utomo Sasongko Wicaksono Kuncoro Suryanto Wahyudi Mulyono Darmawan Raharjo Setyawan Hermanto'),
      P: w('Lestari Rahayu Wahyuni Handayani Astuti Susanti Wulandari Kurniasih Ningsih Rahmawati Purwanti Safitri Utami Pratiwi Yuliani Setyowati Suryani Puspitasari Maharani Anggraeni Sulistyowati Indrawati Rahmadani Hartini Mulyani Kusumawati'),
    },
    familyName: false,
    mononym: 0.18,
  },
  sundanese: {
    given: {
      L: w('Asep Ujang Dadang Cecep Deden Ade Aep Yayan Endang Dede Iwan Wawan Tatang Engkus Didin Oman Jajang Dadan Eman Herman Rahmat Ridwan Gilang Rizal Fajar Yusuf Acep Agus Cahya Dikdik Ujang Yana'),
      P: w('Euis Neneng Enok Imas Cucu Iis Lilis Yanti Teti Nining Popon Elis Nenden Rina Wida Rika Siti Dewi Nurul Ai Eneng Yuyun Titin Dede Rini Tuti Cicih Entin Yati Nia'),
    },
    second: {
      L: w('Sunarya Suryana Permana Hidayat Kusnadi Supriatna Sopandi Rustandi Gunawan Mulyana Sudrajat Hermawan Kurniawan Setiawan Ruhiyat Saepudin Nugraha Ramdani Firdaus Maulana Rohman Somantri Kusumah Wiguna Sutisna Hendrayana'),
      P: w('Nurhayati Kurniasih Rostika Sumiati Maryani Rohaeti Komariah Nurjanah Hasanah Rahmawati Fitriani Sulastri Mulyani Purnamasari Susilawati Herawati Nurlela Suryani Mardiah Sopiah Juariah Rohimah Kartini Hayati'),
    },
    familyName: false,
    mononym: 0.08,
  },
  batak: {
    given: {
      L: w('Togar Parlindungan Hotman Sahat Binsar Tigor Poltak Marihot Jonathan Daniel Samuel Yosua Roy Edward Hendra Rudi Juni Benny Rikardo Andreas Jhon Martin Ronald Frans Fernando Parulian Maruli Bonar Gomgom Horas'),
      P: w('Romauli Tiurma Rotua Lasma Sondang Tiur Rosmawati Hotmaida Debora Maria Ester Rut Lidia Sarah Yohana Melati Friska Nova Rosa Sri Rina Dewi Lenny Rosmeri Duma Nurmaida Erlina Tiominar'),
    },
    second: {
      L: w('Simanjuntak Siregar Nasution Lubis Harahap Hutagalung Sitompul Pardede Sinaga Situmorang Tambunan Simatupang Panjaitan Sihombing Manurung Butarbutar Silalahi Sibarani Napitupulu Pasaribu Hutapea Marpaung Damanik Purba Saragih Ginting Sembiring Tarigan Sitepu Nainggolan Simbolon Samosir Tampubolon Gultom Sianturi Hasibuan Batubara Daulay Pohan Rangkuti'),
      P: [],
    },
    familyName: true,
    mononym: 0,
  },
  minang: {
    given: {
      L: w('Rizal Fadli Yusrizal Afrizal Syafrizal Zulkifli Hendri Andika Fauzan Irwan Doni Syahrul Nofriadi Effendi Asril Erizal Jasman Zainal Buyung Yuspardi Hafiz Ridho Fikri Alfi Rahmad Yogi Deri Aldi'),
      P: w('Yusnita Nofita Yulia Rahmi Fitri Zuraida Hayati Nurhasanah Desmawati Yesi Silvia Rahma Elfira Suryani Rosmaini Yusmaniar Ernawati Afrida Mesra Rani Vivi Lusi Elsa Welly'),
    },
    second: {
      L: w('Putra Syahputra Chaniago Piliang Tanjung Sikumbang Koto Jambak Saputra Rahman Hidayat Fernando Pratama Efendi Mardianto Yusuf'),
      P: w('Putri Yanti Ningsih Wati Sari Andriani Novita Yulianti Ramadhani Oktavia Fitriani Rahmadani Efrina Dewita'),
    },
    familyName: false,
    mononym: 0.05,
  },
  bugis: {
    given: {
      L: w('Muhammad Baso Syamsul Amiruddin Syahrir Jusman Rusdi Darwis Haerul Irwan Ridwan Arifin Sultan Akbar Fadli Taufik Asdar Ilham Muhlis Rahmat Sudirman Syarifuddin Anwar Hasrul Abdillah'),
      P: w('Besse Nurul Sitti Hasnah Hasriani Sumarni Nurhaeda Rosdiana Rahmawati Nurjannah Irmawati Hasmawati Ratnasari Sulfiani Hijrah Nurfadillah Musdalifah Suharni Nurhalisa Fitriani Murni Sahriani'),
    },
    second: {
      L: w('Rahman Mappasessu Mattalitti Parenrengi Latif Hamzah Syamsuddin Nurdin Salam Tahir Hasanuddin Karim Makkasau Alimuddin Baharuddin Jamaluddin Muchtar Ramli Sattar Mustari'),
      P: w('Rahman Sari Wati Hamzah Nurdin Syam Ramadhani Amir Safitri Ayu Arifin Basri Yusuf Idris'),
    },
    familyName: false,
    mononym: 0.06,
  },
  balinese: {
    given: {
      L: w('Agus Bagus Eka Adi Artha Darma Suarsana Sudarsana Wirawan Arimbawa Budiarta Suartana Widiarta Antara Sukadana Mahendra Astawa Suardika Pradnyana Yasa Sudiartha Wardana Parwata Mertayasa'),
      P: w('Ayu Sri Dewi Ari Puspita Sukmawati Suartini Ariani Astiti Purnami Widiantari Suastini Wulandari Yuliantari Sudiartini Mariani Sintya Pradnyani Arini Parwati'),
    },
    second: { L: [], P: [] },
    familyName: false,
    mononym: 0,
  },
  muslim: {
    given: {
      L: w("Muhammad Ahmad Abdul Rahmat Fauzi Khairul Zulfikar Iskandar Hamdani Saiful Ridwan Yusuf Ilham Fikri Rizki Hafiz Arif Azhar Fadli Munir Taufiq Nasrul Samsul Mukhtar Ma'ruf Syahrial Teuku Husaini"),
      P: w("Nur Siti Fatimah Aisyah Khadijah Nurul Rahmah Zahra Nabila Salsabila Husna Mawaddah Syarifah Cut Rahmi Putri Zakiah Hafsah Nur'aini Raudhah Ulfa Safrina"),
    },
    second: {
      L: w('Hidayat Rahman Saputra Syahputra Ramadhan Firdaus Maulana Hakim Akbar Fauzan Abdullah Ibrahim Ismail Yusuf Hasan Husein Amin Iqbal Rasyid Anshari Mahmud Zulkarnain'),
      P: w('Hasanah Aini Fitri Rahmawati Azizah Zahra Ramadhani Safitri Maulida Nurhaliza Husna Hayati Maghfirah Amalia Fadhilah Rahmi Yuliana Khairunnisa'),
    },
    familyName: false,
    mononym: 0.04,
  },
  minahasa: {
    given: { L: CHRISTIAN_MALE, P: CHRISTIAN_FEMALE },
    second: {
      L: w('Rumengan Wenas Sondakh Pangemanan Mandagi Tumbelaka Rondonuwu Lumentut Kalalo Sumual Tambuwun Walangitan Mamahit Pandeirot Kaunang Lumingkewas Supit Tulung Rorimpandey Worang'),
      P: [],
    },
    familyName: true,
    mononym: 0,
  },
  eastern: {
    given: { L: CHRISTIAN_MALE, P: CHRISTIAN_FEMALE },
    second: {
      L: w('Manafe Bessie Tefa Ndun Lona Fanggidae Messakh Laiskodat Bolla Dethan Riwu Pattinama Latuconsina Tuhumury Pattiasina Sahetapy Leiwakabessy Matulessy Wattimena Siahaya Tahapary Wenda Kogoya Wonda Tabuni Murib Wanimbo Rumbiak Mandacan Kambu Yoku Rumbewas Karubaba Worembai Ayomi'),
      P: [],
    },
    familyName: true,
    mononym: 0,
  },
};

type Mix = readonly (readonly [Culture, number])[];
const JAVA_CENTRAL: Mix = [['javanese', 0.85], ['general', 0.15]];
const SUMATRA_MALAY: Mix = [['muslim', 0.55], ['javanese', 0.3], ['general', 0.15]];
const KALIMANTAN: Mix = [['muslim', 0.4], ['javanese', 0.3], ['general', 0.2], ['bugis', 0.1]];
const SULAWESI: Mix = [['bugis', 0.4], ['muslim', 0.4], ['general', 0.2]];
const PAPUA: Mix = [['eastern', 0.85], ['javanese', 0.1], ['bugis', 0.05]];

const PROVINCE_MIX: Record<string, Mix> = {
  '11': [['muslim', 0.85], ['javanese', 0.1], ['batak', 0.05]],
  '12': [['batak', 0.55], ['muslim', 0.2], ['javanese', 0.25]],
  '13': [['minang', 0.9], ['javanese', 0.05], ['batak', 0.05]],
  '14': [['muslim', 0.45], ['minang', 0.25], ['javanese', 0.2], ['batak', 0.1]],
  '15': SUMATRA_MALAY, '16': SUMATRA_MALAY, '17': SUMATRA_MALAY, '19': SUMATRA_MALAY,
  '21': [['muslim', 0.45], ['javanese', 0.25], ['batak', 0.15], ['general', 0.15]],
  '18': [['javanese', 0.6], ['muslim', 0.2], ['sundanese', 0.1], ['general', 0.1]],
  '31': [['javanese', 0.3], ['sundanese', 0.2], ['general', 0.3], ['batak', 0.08], ['minang', 0.07], ['muslim', 0.05]],
  '32': [['sundanese', 0.8], ['javanese', 0.1], ['general', 0.1]],
  '33': JAVA_CENTRAL, '34': JAVA_CENTRAL, '35': JAVA_CENTRAL,
  '36': [['sundanese', 0.6], ['javanese', 0.2], ['general', 0.2]],
  '51': [['balinese', 0.85], ['javanese', 0.15]],
  '52': [['muslim', 0.7], ['balinese', 0.1], ['general', 0.2]],
  '53': [['eastern', 0.9], ['muslim', 0.1]],
  '61': KALIMANTAN, '62': KALIMANTAN, '63': KALIMANTAN,
  '64': [['muslim', 0.3], ['javanese', 0.3], ['bugis', 0.25], ['general', 0.15]],
  '65': [['muslim', 0.3], ['javanese', 0.3], ['bugis', 0.25], ['general', 0.15]],
  '71': [['minahasa', 0.8], ['muslim', 0.2]],
  '72': SULAWESI, '74': SULAWESI, '75': SULAWESI, '76': SULAWESI,
  '73': [['bugis', 0.85], ['muslim', 0.15]],
  '81': [['eastern', 0.6], ['muslim', 0.4]],
  '82': [['eastern', 0.4], ['muslim', 0.6]],
  '91': PAPUA, '92': PAPUA, '93': PAPUA, '94': PAPUA, '95': PAPUA, '96': PAPUA,
};

const mixTables = new Map<string, { pick(rng: Rng): Culture }>();
const DEFAULT_MIX = weightedTable<Culture>([['general', 0.7], ['javanese', 0.3]]);

export function pickCulture(rng: Rng, provinceCode: string): Culture {
  let table = mixTables.get(provinceCode);
  if (!table) {
    const mix = PROVINCE_MIX[provinceCode];
    table = mix ? weightedTable(mix) : DEFAULT_MIX;
    mixTables.set(provinceCode, table);
  }
  return table.pick(rng);
}

/** A household's family name where the culture uses one (Batak marga, Minahasa and eastern fam names). */
export function pickFamilyName(rng: Rng, culture: Culture): string | null {
  const pool = POOLS[culture];
  return pool.familyName ? rng.pick(pool.second.L) : null;
}

const BALI_ORDER = [['Wayan', 'Putu', 'Gede'], ['Made', 'Kadek', 'Nengah'], ['Nyoman', 'Komang'], ['Ketut']] as const;

/** A full name, with the lower-case ASCII first and last words an e-mail address is made of. */
export interface PersonName {
  full: string;
  first: string;
  last: string;
}

const asciiWords = new Map<string, string>();
/** Pool words are few and interned, so this cache stays small and its lookups cheap. */
function ascii(word: string): string {
  let text = asciiWords.get(word);
  if (text === undefined) asciiWords.set(word, (text = word.toLowerCase().replace(/[^a-z]/g, '')));
  return text;
}

const named = (full: string, first: string, last: string | null): PersonName => ({ full, first: ascii(first), last: last ? ascii(last) : '' });

export function makeName(rng: Rng, culture: Culture, sex: Sex, familyName: string | null): PersonName {
  const pool = POOLS[culture];
  if (culture === 'balinese') {
    const prefix = rng.chance(0.6) ? (sex === 'L' ? 'I ' : 'Ni ') : '';
    const order = rng.pick(BALI_ORDER[rng.int(4)] as readonly string[]);
    const given = rng.pick(pool.given[sex]);
    if (!rng.chance(0.3)) return named(`${prefix}${order} ${given}`, order, given);
    const given2 = rng.pick(pool.given[sex]);
    return named(`${prefix}${order} ${given} ${given2}`, given, given2);
  }
  const given = rng.pick(pool.given[sex]);
  const andi = culture === 'bugis' && rng.chance(0.08) ? 'Andi ' : '';
  if (pool.familyName && familyName) {
    const middle = rng.chance(0.35) ? ' ' + rng.pick(pool.given[sex]) : '';
    return named(`${andi}${given}${middle} ${familyName}`, given, familyName);
  }
  if (rng.chance(pool.mononym)) return named(andi + given, given, null);
  let second = rng.pick(pool.second[sex]);
  if (second === given) second = rng.pick(pool.second[sex]);
  const full = rng.chance(0.12) ? `${andi}${given} ${rng.pick(pool.given[sex])} ${second}` : `${andi}${given} ${second}`;
  return named(full, given, second);
}

/** Academic titles as Indonesians write them after the name (with a comma: exercises CSV quoting). */
const TITLES: Record<string, readonly string[]> = {
  D3: ['A.Md.', 'A.Md.Kep.', 'A.Md.Ak.'],
  D4: ['S.Tr.T.', 'S.Tr.Kes.'],
  S1: ['S.Kom.', 'S.E.', 'S.Pd.', 'S.H.', 'S.T.', 'S.Sos.', 'S.Ag.', 'S.Kep.', 'S.I.Kom.', 'S.Ak.'],
  S2: ['M.M.', 'M.Pd.', 'M.Si.', 'M.Kom.'],
  S3: ['Dr.'],
};

export function withTitle(rng: Rng, name: string, education: string): string {
  const titles = TITLES[education];
  if (!titles || !rng.chance(0.1)) return name;
  const title = rng.pick(titles);
  return title === 'Dr.' ? `Dr. ${name}` : `${name}, ${title}`;
}
